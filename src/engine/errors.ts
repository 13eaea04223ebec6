// A daemon-side failure with the HTTP status the Engine API would answer with.
// The client turns it into "Error response from daemon: <message>".
export class EngineError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number = 500,
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new EngineError(message, 404);
export const conflict = (message: string) => new EngineError(message, 409);
export const invalidParameter = (message: string) => new EngineError(message, 400);
export const notModified = () => new EngineError("", 304);
