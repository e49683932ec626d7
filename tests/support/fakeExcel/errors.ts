/**
 * Errors shaped like Office.js's: `OfficeExtension.Error` (name "RichApi.Error"
 * once a request reached Excel) with a `code` and `debugInfo`.
 */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string; statement?: string };
  readonly traceMessages: string[] = [];

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = code === "PropertyNotLoaded" || code === "ValueNotLoaded" ? "OfficeExtension.Error" : "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }

  withLocation(location: string): this {
    if (!this.debugInfo.errorLocation) this.debugInfo.errorLocation = location;
    return this;
  }
}

export const notLoaded = (property: string, type: string) =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${property}`,
  );
