import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // Formatting is Prettier's (`npm run lint` checks it); these rules would only argue with it.
  prettier,
  {
    rules: {
      // Leaving out fields by destructuring (`const { secret, ...rest } = row`) is how this code omits them.
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Playwright fixtures hand values on through a callback named `use`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([
    ".next/**",
    "app/_server/generated/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "screenshots/**",
    "next-env.d.ts",
  ]),
]);
