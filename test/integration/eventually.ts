/**
 * Waits (up to 15 s) for what the app does after its answer, such as an email that delivery sends right
 * after the commit: the first value `read` gives that is not undefined.
 */
export async function eventually<T>(read: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (let waited = 0; waited < 15_000; waited += 50) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("Timed out waiting");
}
