// Image reference parsing for commands (docker/cli parses references client-side with
// distribution/reference); the parser itself is pure and lives with the engine's registry.
export {
  ReferenceError,
  familiarName,
  familiarString,
  fullString,
  isNameOnly,
  parseAnyReference,
  parseNormalizedNamed,
  tagNameOnly,
  trimNamed,
} from "../engine/registry/reference.js";
export type { AnyReference, NamedReference } from "../engine/registry/reference.js";
