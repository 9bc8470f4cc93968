/**
 * Accessibility fixes to the page shell Framework writes (it has no options
 * for these): a document language, a real label on the sidebar toggle, and
 * only <li> children inside the sidebar's list. Fails loudly if the shell
 * changes so the fixes cannot silently stop applying.
 */
import {readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";

const fixes: [RegExp, string][] = [
  [/<html>/, '<html lang="en">'],
  [/<input id="observablehq-sidebar-toggle" type="checkbox" title="([^"]*)">/, '<input id="observablehq-sidebar-toggle" type="checkbox" title="$1" aria-label="Toggle sidebar">'],
  [
    /<ol>\s*<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"><\/label>/,
    '<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n  <ol>'
  ]
];

export function fixShell(html: string, file: string): string {
  for (const [pattern, replacement] of fixes) {
    if (!pattern.test(html)) {
      // Pages without a sidebar (embeds) have no toggle; everything has <html>.
      if (pattern.source.startsWith("<html") || html.includes("observablehq-sidebar-toggle")) {
        throw new Error(`postbuild: ${file} does not contain ${pattern}; Framework's page shell changed`);
      }
      continue;
    }
    html = html.replace(pattern, replacement);
  }
  return html;
}

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith(".html")) yield path;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? "dist";
  for (const file of htmlFiles(dist)) writeFileSync(file, fixShell(readFileSync(file, "utf8"), file));
}
