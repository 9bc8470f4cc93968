// Types for the Framework modules that pages and components import.
declare module "observablehq:stdlib" {
  export interface FileAttachmentHandle {
    name: string;
    mimeType: string;
    url(): Promise<string>;
    json(): Promise<unknown>;
    text(): Promise<string>;
    arrayBuffer(): Promise<ArrayBuffer>;
    blob(): Promise<Blob>;
  }
  export function FileAttachment(path: string): FileAttachmentHandle;
}

declare module "npm:@observablehq/plot" {
  export * from "@observablehq/plot";
}
