// A `mockdocker lab` request that cannot be done: printed as "mockdocker: <message>", exit 1.
export class LabError extends Error {
  readonly labError = true;
}
