/** Running commands for the container test: every command is printed before it runs, with the time. */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";

const started = Date.now();

export function elapsed(): string {
  const seconds = Math.round((Date.now() - started) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export function step(title: string): void {
  console.log(`\n=== [${elapsed()}] ${title}`);
}

export function note(text: string): void {
  console.log(`    ${text}`);
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Collect stdout and stderr instead of showing them. */
  capture?: boolean;
  /** Write stdout and stderr to this file instead of showing them. */
  logFile?: string;
  /** Printed instead of the command line (which may hold a secret). */
  shown?: string;
  /** Print nothing about the command itself. */
  quiet?: boolean;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * What podman says on every machine without systemd (it cannot set timers for healthchecks, which the
 * test runs itself, nor reach syslog): left out of what the test shows.
 */
export const NOISE = /unable to get systemd connection|failed to connect to syslog/;

/** Passes whole lines on, less the noise. */
class LineFilter {
  private partial = "";
  constructor(private readonly target: NodeJS.WriteStream) {}
  write(chunk: Buffer): void {
    const lines = (this.partial + chunk.toString()).split("\n");
    this.partial = lines.pop() ?? "";
    for (const line of lines) if (!NOISE.test(line)) this.target.write(`${line}\n`);
  }
  flush(): void {
    if (this.partial) this.write(Buffer.from("\n"));
  }
}

export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  if (!options.quiet) console.log(`    $ ${options.shown ?? [command, ...args].map(quote).join(" ")}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const file = options.logFile ? createWriteStream(options.logFile) : undefined;
    // Shown as it comes, line by line, unless collected or logged.
    const showOut = new LineFilter(process.stdout);
    const showErr = new LineFilter(process.stderr);
    child.stdout.on("data", (chunk: Buffer) => {
      if (file) file.write(chunk);
      else if (options.capture) stdout += chunk.toString();
      else showOut.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (file) file.write(chunk);
      else if (options.capture) stderr += chunk.toString();
      else showErr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      showOut.flush();
      showErr.flush();
      const done = () => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
      if (file) file.end(done);
      else done();
    });
  });
}

/** Runs the command and fails with its output when it exits non-zero. */
export async function runOk(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    const output = `${result.stdout}${result.stderr}`.trim().split("\n").slice(-30).join("\n");
    throw new Error(
      `${options.shown ?? `${command} ${args.join(" ")}`} exited with ${result.code}${output ? `:\n${output}` : ""}`,
    );
  }
  return result;
}

/**
 * `podman build` of one image from what this machine has: the host's network, no pulls, and Docker's image
 * format (the OCI format drops HEALTHCHECK). Fails with the end of the build's output, from `logFile` when
 * the output went there.
 */
export async function podmanBuild(
  image: { file: string; tag: string; context: string; options?: string[] },
  logFile?: string,
): Promise<void> {
  const args = ["build", "--network", "host", "--pull=never", "--format", "docker", ...(image.options ?? [])];
  const result = await run("podman", [...args, "-f", image.file, "-t", image.tag, image.context], {
    logFile,
  });
  if (result.code === 0) return;
  const tail =
    logFile && existsSync(logFile)
      ? readFileSync(logFile, "utf8").trim().split("\n").slice(-60).join("\n")
      : "";
  throw new Error(`building ${image.tag} failed${tail ? `:\n${tail}` : ""}`);
}

/** True when the command is on PATH. */
export async function hasCommand(name: string): Promise<boolean> {
  return (await run("sh", ["-c", `command -v ${name}`], { capture: true, quiet: true })).code === 0;
}

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
