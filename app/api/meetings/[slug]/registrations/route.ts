import { negotiateLocale } from "@/app/_lib/i18n/negotiate";
import { fieldErrorsOf, registrationInput } from "@/app/_lib/registration/fields";
import { env } from "@/app/_server/env";
import { AppError, invalid } from "@/app/_server/errors";
import { jsonRoute } from "@/app/_http/json-route";
import { readJson } from "@/app/_http/request";
import { clientAddress } from "@/app/_server/http";
import { enforceRateLimits, rateLimitKey } from "@/app/_server/rate-limit";
import { register } from "@/app/_server/registration/register";
import { withTypedCity } from "@/app/_server/registration/typed-city";

type Context = { params: Promise<{ slug: string }> };

/** Registers a delegate: 201 with the registration, its seats and the manage link (see README, "API"). */
export async function POST(request: Request, { params }: Context) {
  const locale = negotiateLocale(new URL(request.url), request.headers.get("accept-language"));
  return jsonRoute(
    async () => {
      await enforceRateLimits(
        [await rateLimitKey("registration:client", clientAddress(request.headers))],
        env().RATE_LIMIT_REGISTRATIONS,
      );
      const idempotencyKey = request.headers.get("idempotency-key")?.trim() || undefined;
      if (idempotencyKey && idempotencyKey.length > 255)
        throw new AppError("malformed", "Idempotency-Key is longer than 255 characters");
      const parsed = registrationInput.safeParse(await readJson(request));
      if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error));
      // A town that names a member city ("台州", "Koeln") registers the delegate as that city's.
      const input = await withTypedCity(parsed.data, locale);
      return register((await params).slug, input, { locale, idempotencyKey });
    },
    { status: 201, locale },
  );
}
