import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The layers of README "What is where", checked on every import of every module under app/ (tests left
 * out: they set up what they test through other domains). Routes and actions use everything below them;
 * domain folders use mechanisms and domains below them, never above (the graph of domain folders has no
 * cycle, type imports included); mechanisms know no domain; `_lib` knows nothing of the server or the UI;
 * a client component imports nothing of the server but types. HTTP lives in the route layer: app/_server
 * returns values and throws AppError, and only routes, app/_http and proxy.ts make a Response.
 */

const root = path.resolve(import.meta.dirname, "..");

/** The domain folders of app/_server: what the app is about. */
const DOMAINS = new Set([
  "accounts",
  "agenda",
  "alliance",
  "calendar",
  "ceremonies",
  "check-in",
  "desk",
  "meetings",
  "numbers",
  "people",
  "registration",
  "retention",
  "self-service",
]);

/** The shared mechanisms of app/_server, folders and top-level modules: they know no domain. */
const MECHANISMS = new Set([
  "audit",
  "auth",
  "database",
  "generated",
  "live",
  "mail",
  "security",
  "action.ts",
  "authz.ts",
  "db.ts",
  "env.ts",
  "errors.ts",
  "forms.ts",
  "health.ts",
  "http.ts",
  "pages.ts",
  "rate-limit.ts",
  "shutdown.ts",
]);

/**
 * What the server's entry points (instrumentation.ts, proxy.ts) load: like routes, they put domains to
 * work (the first admin's link at start, the email kinds' registrations).
 */
const WIRING = new Set(["email-links.ts", "startup.ts"]);

type Unit =
  { layer: "route" | "wiring" | "components" | "lib" } | { layer: "domain" | "mechanism"; name: string };

type Import = { from: string; to: string; typeOnly: boolean };

function unitOf(file: string): Unit | string {
  const [, area, name, ...rest] = file.split("/");
  if (area === "_lib") return { layer: "lib" };
  if (area === "_components") return { layer: "components" };
  if (area !== "_server") return { layer: "route" };
  const entry = name!;
  if (rest.length > 0 && DOMAINS.has(entry)) return { layer: "domain", name: entry };
  if (MECHANISMS.has(entry)) return { layer: "mechanism", name: entry };
  if (WIRING.has(entry)) return { layer: "wiring" };
  return `${file}: app/_server/${entry} is neither a domain, a mechanism nor wiring: add it to app/layers.test.ts`;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return file === "app/_server/generated" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  if (!base.startsWith("app/")) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile())
      return candidate;
  }
  return base;
}

/** `import type {…}`, or named imports that are each `type …`: nothing of the module runs. */
function importsOnlyTypes(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return !!clause && ts.isNamedExports(clause) && clause.elements.every((element) => element.isTypeOnly);
  }
  const clause = node.importClause;
  if (!clause) return false; // import "./x": runs it
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    !!bindings &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

function importsOf(file: string): { imports: Import[]; client: boolean } {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(path.join(root, file), "utf8"),
    ts.ScriptTarget.Latest,
  );
  const imports: Import[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    const to = resolve(file, specifier);
    if (to) imports.push({ from: file, to, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) add(node.moduleSpecifier.text, importsOnlyTypes(node));
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) add(literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const first = source.statements[0];
  const client =
    !!first &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === "use client";
  return { imports, client };
}

function describeUnit(unit: Unit): string {
  return "name" in unit ? `${unit.layer} ${unit.name}` : unit.layer;
}

/** What a unit may not import, as a reason; null when it may. */
function forbidden(from: Unit, to: Unit, typeOnly: boolean, client: boolean): string | null {
  const server = to.layer === "domain" || to.layer === "mechanism" || to.layer === "wiring";
  if (to.layer === "route" && from.layer !== "route") return "only routes use routes";
  if (to.layer === "wiring" && from.layer !== "route" && from.layer !== "wiring")
    return "only the entry points use the wiring";
  if (to.layer === "components" && from.layer !== "route" && from.layer !== "components")
    return "only routes and components use components";
  if (from.layer === "lib" && to.layer !== "lib") return "_lib is for both sides and uses only _lib";
  if (from.layer === "components" && client && server && !typeOnly)
    return "a client component imports only types from the server";
  if (from.layer === "mechanism" && to.layer === "domain")
    return "a mechanism knows no domain (let the domain fill a registry, or pass a function in)";
  return null;
}

type Edge = { from: string; to: string; file: string; imported: string; typeOnly: boolean };

/** The strongly connected groups of more than one domain in the domain graph (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const connect = (node: string) => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const group: string[] = [];
      let member: string;
      do group.push((member = stack.pop()!));
      while (member !== node);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) connect(node);
  return found;
}

function analyse() {
  const problems: string[] = [];
  const edges: Edge[] = [];
  for (const file of sourceFiles("app")) {
    const from = unitOf(file);
    if (typeof from === "string") {
      problems.push(from);
      continue;
    }
    const { imports, client } = importsOf(file);
    for (const { to: imported, typeOnly } of imports) {
      const to = unitOf(imported);
      if (typeof to === "string") {
        problems.push(to);
        continue;
      }
      const reason = forbidden(from, to, typeOnly, client);
      if (reason)
        problems.push(`${file} imports ${imported}: ${describeUnit(from)} → ${describeUnit(to)}; ${reason}`);
      if (from.layer === "domain" && to.layer === "domain" && from.name !== to.name)
        edges.push({ from: from.name, to: to.name, file, imported, typeOnly });
    }
  }
  const graph = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (!graph.has(edge.from)) graph.set(edge.from, new Set());
    graph.get(edge.from)!.add(edge.to);
  }
  for (const group of cycles(graph)) {
    const inside = edges.filter((edge) => group.includes(edge.from) && group.includes(edge.to));
    problems.push(
      [
        `the domain folders ${group.join(", ")} use each other (a cycle); move what they share to the lower one or to _lib, or pass a function in:`,
        ...inside.map(
          (edge) =>
            `  ${edge.from} → ${edge.to}: ${edge.file} imports ${edge.imported}${edge.typeOnly ? " (types)" : ""}`,
        ),
      ].join("\n"),
    );
  }
  return { problems: [...new Set(problems)], graph };
}

describe("layers (README: What is where)", () => {
  const { problems, graph } = analyse();

  it("finds the modules it checks", () => {
    expect(graph.get("desk")).toContain("registration");
    expect(graph.get("self-service")).toContain("calendar");
  });

  it("has every import point down, and no cycle among the domain folders", () => {
    const drawn = [...graph]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([domain, uses]) => `  ${domain} → ${[...uses].sort().join(", ")}`)
      .join("\n");
    if (problems.length > 0)
      throw new Error(
        `${problems.length} problems with the layers:\n${problems.join("\n")}\n\n` +
          `The domain folders and the ones they use:\n${drawn}\n`,
      );
  });

  it("makes Responses only in the route layer", () => {
    const makesAResponse =
      /\bnew (Next)?Response\b|\b(Next)?Response\.(json|redirect|error)\(|\bNextResponse\b/;
    const offenders = sourceFiles("app/_server").filter((file) =>
      makesAResponse.test(fs.readFileSync(path.join(root, file), "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
