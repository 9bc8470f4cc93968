/** Test-file set-up: the built site and Chromium start before the tests of a file (or describe block) and close after them. */
import {afterAll, beforeAll} from "vitest";
import {startSite, type Site} from "./harness.js";

/** A Site usable inside the tests; it refers to the one started by this call's beforeAll hook. */
export function useSite(options: {webgpu?: boolean} = {}): Site {
  let started: Site | undefined;
  beforeAll(async () => {
    started = await startSite(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  const current = (): Site => {
    if (!started) throw new Error("the site is used before its beforeAll hook started it");
    return started;
  };
  return {
    get browser() {
      return current().browser;
    },
    get server() {
      return current().server;
    },
    get url() {
      return current().url;
    },
    close: () => current().close()
  };
}
