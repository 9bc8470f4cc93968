/** Runs Python's own parser (and small snippets) over generated scripts. */
import {spawnSync} from "node:child_process";

/** Python's error message when `source` does not parse, or null when it does. */
export function pythonSyntaxError(source: string): string | null {
  const run = spawnSync("python3", ["-c", "import ast, sys; ast.parse(sys.stdin.read())"], {input: source, encoding: "utf8"});
  if (run.error) throw run.error;
  return run.status === 0 ? null : run.stderr;
}

/** Parses many sources in one Python process (each spawn costs time): one error message or null per source. */
export function pythonSyntaxErrors(sources: string[]): (string | null)[] {
  const program = [
    "import ast, json, sys",
    "errors = []",
    "for source in json.load(sys.stdin):",
    "    try:",
    "        ast.parse(source)",
    "        errors.append(None)",
    "    except SyntaxError as e:",
    "        errors.append(f'{e.msg} at line {e.lineno}: {e.text}')",
    "print(json.dumps(errors))"
  ].join("\n");
  const run = spawnSync("python3", ["-c", program], {input: JSON.stringify(sources), encoding: "utf8"});
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as (string | null)[];
}

/** Runs a Python program and returns its standard output (throws with stderr when it fails). */
export function runPython(program: string): string {
  const run = spawnSync("python3", ["-c", program], {encoding: "utf8"});
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

/** The top-level `def name(...)` block of a script, up to the next unindented line. */
export function pythonFunction(source: string, name: string): string {
  const lines = source.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`def ${name}(`));
  if (start < 0) throw new Error(`no def ${name}`);
  let end = start + 1;
  while (end < lines.length && (lines[end] === "" || /^\s/.test(lines[end]))) ++end;
  return lines.slice(start, end).join("\n");
}

/** Lines of `after` that differ from `before`, as removed and added sets (an order-free line diff). */
export function lineDiff(before: string, after: string): {removed: string[]; added: string[]} {
  const a = before.split("\n");
  const b = after.split("\n");
  const count = (lines: string[]) => lines.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const minus = (x: string[], y: Map<string, number>) => {
    const left = new Map(y);
    return x.filter((l) => {
      const n = left.get(l) ?? 0;
      if (n > 0) left.set(l, n - 1);
      return n === 0;
    });
  };
  return {removed: minus(a, count(b)), added: minus(b, count(a))};
}
