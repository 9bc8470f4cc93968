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

// Observable Inputs ships no type declarations; these cover what the site uses.
declare module "npm:@observablehq/inputs" {
  export type InputElement<T> = HTMLElement & {value: T};
  interface Common {
    label?: string | Node;
    disabled?: boolean;
    width?: number | string;
  }
  export function range(extent?: [number, number], options?: Common & {value?: number; step?: number; format?: (x: number) => string; transform?: (x: number) => number; invert?: (x: number) => number; placeholder?: string}): InputElement<number>;
  export function number(extent?: [number, number], options?: Common & {value?: number; step?: number; placeholder?: string}): InputElement<number>;
  export function select<T>(data: T[] | Map<string, T>, options?: Common & {value?: T; multiple?: boolean | number; format?: (x: T) => string}): InputElement<T>;
  export function radio<T>(data: T[] | Map<string, T>, options?: Common & {value?: T; format?: (x: T) => string}): InputElement<T>;
  export function checkbox<T>(data: T[] | Map<string, T>, options?: Common & {value?: T[]; format?: (x: T) => string}): InputElement<T[]>;
  export function toggle(options?: Common & {value?: boolean; values?: [unknown, unknown]}): InputElement<boolean>;
  export function button<T = number>(content?: string | [string, (value: T) => T][], options?: Common & {value?: T; reduce?: (value: T) => T; required?: boolean}): InputElement<T>;
  export function text(options?: Common & {value?: string; placeholder?: string; submit?: boolean | string; type?: string}): InputElement<string>;
  export function textarea(options?: Common & {value?: string; placeholder?: string; rows?: number; submit?: boolean | string}): InputElement<string>;
  export function table<T>(data: T[], options?: Record<string, unknown>): InputElement<T[]>;
  export function form<T>(inputs: Record<string, InputElement<unknown>> | InputElement<unknown>[], options?: Record<string, unknown>): InputElement<T>;
  export function file(options?: Common & {accept?: string; multiple?: boolean}): InputElement<unknown>;
  export function input<T>(value: T): EventTarget & {value: T};
  export function bind<T>(target: InputElement<T>, source: InputElement<T>, invalidation?: Promise<void>): InputElement<T>;
}

declare module "npm:katex" {
  import katex from "katex";
  export default katex;
}
