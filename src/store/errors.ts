// Problems with the state directory itself; printed by cli/main.ts, exit 1.
export class StoreError extends Error {}
