// Problems with the state directory itself; printed by cli/run-cli.ts as mockdocker's own
// message, exit 1 (see isHostStateError in cli/errors.ts).
export class StoreError extends Error {
  readonly hostStateError = true;
}
