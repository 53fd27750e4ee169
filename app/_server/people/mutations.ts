import "server-only";
import { personInput, personSlug, type PersonInput } from "@/app/_lib/people/fields";
import { personSelect } from "../agenda/queries";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { invalid, notFound } from "../errors";
import { parseInput } from "../meetings/input";
import { firstFreeSlug, slugTaken, withSlugCheck } from "../meetings/slugs";

type Tx = Prisma.TransactionClient;

/** What the audit log keeps of a person: what the agenda shows, and what only the back office edits. */
const auditedPerson = {
  ...personSelect,
  slug: true,
  cityId: true,
  initiator: true,
} satisfies Prisma.PersonSelect;

/**
 * The person's key: the one typed (refused when another person has it), else the current one, else one
 * made from the Latin name with a number added until it is free.
 */
async function chooseSlug(
  tx: Tx,
  input: PersonInput,
  current?: { id: string; slug: string },
): Promise<string> {
  const holder = async (slug: string) =>
    (await tx.person.findUnique({ where: { slug }, select: { id: true } }))?.id;
  if (input.slug) {
    const other = await holder(input.slug);
    if (other && other !== current?.id) throw slugTaken();
    return input.slug;
  }
  if (current) return current.slug;
  return firstFreeSlug(personSlug(input), async (slug) => Boolean(await holder(slug)));
}

async function refuseUnknownCity(tx: Tx, cityId: string | null): Promise<void> {
  if (cityId && !(await tx.city.findUnique({ where: { id: cityId }, select: { id: true } })))
    throw invalid({ cityId: { key: "invalidChoice" } });
}

export async function createPerson(
  actor: Actor | null,
  input: unknown,
): Promise<{ id: string; slug: string }> {
  authorize(actor, "editProgram");
  const data = parseInput(personInput, input);
  return withSlugCheck(() =>
    db.$transaction(async (tx) => {
      await refuseUnknownCity(tx, data.cityId);
      const person = await tx.person.create({
        data: { ...data, slug: await chooseSlug(tx, data) },
        select: auditedPerson,
      });
      await recordAudit(tx, actor, {
        action: "person.create",
        entity: "Person",
        entityId: person.id,
        after: person,
      });
      return { id: person.id, slug: person.slug };
    }),
  );
}

/**
 * Saves a person. Feeds show speakers' and officials' names and positions, so every session the person
 * takes part in gets a new updatedAt and its feeds are built again.
 */
export async function updatePerson(actor: Actor | null, personId: string, input: unknown): Promise<void> {
  authorize(actor, "editProgram");
  const data = parseInput(personInput, input);
  await withSlugCheck(() =>
    db.$transaction(async (tx) => {
      const before = await tx.person.findUnique({ where: { id: personId }, select: auditedPerson });
      if (!before) throw notFound("Person");
      await refuseUnknownCity(tx, data.cityId);
      const after = await tx.person.update({
        where: { id: personId },
        data: { ...data, slug: await chooseSlug(tx, data, before) },
        select: auditedPerson,
      });
      await tx.session.updateMany({
        where: {
          OR: [
            { speakers: { some: { personId } } },
            { officials: { some: { personId } } },
            { segments: { some: { participants: { some: { personId } } } } },
          ],
        },
        data: { updatedAt: new Date() },
      });
      await recordAudit(tx, actor, {
        action: "person.update",
        entity: "Person",
        entityId: personId,
        before,
        after,
      });
    }),
  );
}

/**
 * Deletes a person who takes part in nothing; `invalid` with `inUse` while they speak in a session, take
 * part in a ceremony segment or stand in a ceremony's order of precedence (the edit page lists where).
 */
export async function deletePerson(actor: Actor | null, personId: string): Promise<void> {
  authorize(actor, "editProgram");
  await db.$transaction(async (tx) => {
    const before = await tx.person.findUnique({
      where: { id: personId },
      select: { ...auditedPerson, _count: { select: { sessions: true, segments: true, ceremonies: true } } },
    });
    if (!before) throw notFound("Person");
    const { _count: uses, ...person } = before;
    if (uses.sessions + uses.segments + uses.ceremonies > 0) throw invalid({ _: { key: "inUse" } });
    await tx.person.delete({ where: { id: personId } });
    await recordAudit(tx, actor, {
      action: "person.delete",
      entity: "Person",
      entityId: personId,
      before: person,
    });
  });
}
