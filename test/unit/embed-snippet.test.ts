import {expect, test} from "vitest";
import {embedUrl, iframeSnippet, moduleSnippet} from "../../src/components/course/embed-snippet.js";

test("embed URLs resolve against the site's base and carry the settings", () => {
  expect(embedUrl("https://example.edu/course/instructors", "perceptron", "?w1=1&b=-1.5")).toBe("https://example.edu/course/embed/perceptron?w1=1&b=-1.5");
  expect(embedUrl("http://127.0.0.1:3000/", "gd", "")).toBe("http://127.0.0.1:3000/embed/gd");
});

test("snippets escape what they embed", () => {
  const s = iframeSnippet('https://x/embed/a?q="><script>', 'Title "quoted" <b>');
  expect(s).not.toContain('"><script>');
  expect(s).toContain("&quot;&gt;&lt;script&gt;");
  expect(s).toContain("Title &quot;quoted&quot; &lt;b&gt;");
  expect(s).toContain("event.source === frame.contentWindow");
  expect(moduleSnippet("https://x/embed/a.js", "createAWidget", "n=2")).toContain('createAWidget({search: "?n=2", syncUrl: false})');
});
