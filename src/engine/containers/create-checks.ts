// Daemon-side checks of a create request that reject it before anything is made (moby:
// daemon/create.go verifyContainerSettings, daemon/logger ValidateLogOpts and jsonfilelog's,
// volume/mounts parser for --tmpfs destinations).
import type { ContainerCreateRequest } from "../api-types.js";
import { invalidParameter } from "../errors.js";
import { parseSignal } from "./signals.js";

/** The log drivers built into the daemon (docker info's Log plugins, and none). */
export const LOG_DRIVERS = ["awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local", "splunk", "syslog"];

/** The options the json-file log driver accepts (jsonfilelog.ValidateLogOpt, logger's common ones). */
const JSON_FILE_OPTS = new Set(["max-file", "max-size", "compress", "labels", "labels-regex", "env", "env-regex", "tag", "mode", "max-buffer-size"]);

/** Checked with the other settings, before the image is looked up (moby: verifyContainerSettings). */
export function checkCreateRequest(req: ContainerCreateRequest): void {
  if (req.stopSignal) parseSignal(req.stopSignal);
  for (const destination of Object.keys(req.hostConfig.tmpfs ?? {})) {
    if (!destination.startsWith("/")) throw invalidParameter(`invalid mount path: '${destination}' mount path must be absolute`);
    if (destination.replace(/\/+$/, "") === "") throw invalidParameter("invalid specification: destination can't be '/'");
  }
}

/** Checked once the image and the command are known (moby: daemon.create, mergeAndVerifyLogConfig). */
export function checkLogConfig(req: ContainerCreateRequest): void {
  const driver = req.hostConfig.logDriver || "json-file";
  if (driver === "none") return;
  // logger.ValidateLogOpts: the delivery mode first, for every driver.
  const opts = req.hostConfig.logOpts ?? {};
  const mode = opts.mode ?? "";
  if (!["", "blocking", "non-blocking"].includes(mode)) throw invalidParameter(`logger: logging mode not supported: ${mode}`);
  if ("max-buffer-size" in opts && mode !== "non-blocking") {
    throw invalidParameter("logger: max-buffer-size option is only supported with 'mode=non-blocking'");
  }
  // Any other name would be a logging plugin (getPlugin); none is installed.
  if (!LOG_DRIVERS.includes(driver)) throw invalidParameter(`error looking up logging plugin ${driver}: plugin "${driver}" not found`);
  if (driver === "json-file") {
    for (const key of Object.keys(opts)) {
      if (!JSON_FILE_OPTS.has(key)) throw invalidParameter(`unknown log opt '${key}' for json-file log driver`);
    }
  }
}
