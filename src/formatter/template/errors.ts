/** A parse or execution error whose message is Go text/template's exact text. */
export class TemplateError extends Error {
  override name = "TemplateError";
  constructor(message: string, readonly phase: "parse" | "exec" = "parse") {
    super(message);
  }
}
