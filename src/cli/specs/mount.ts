// `--mount` values, parsed as docker/cli opts/mount.go (MountOpt.Set) does.
import type { MountSpec } from "../spec.js";
import { parseBool, parseUint0, ramInBytes } from "./go-parse.js";
import { splitCsv } from "./validators.js";

export function parseMount(value: string): MountSpec {
  const mount: MountSpec = { Type: "volume", Target: "" };
  const volumeOptions = () =>
    (mount.VolumeOptions ??= { Labels: {}, DriverConfig: {} });
  const bindOptions = () => (mount.BindOptions ??= {});
  const tmpfsOptions = () => (mount.TmpfsOptions ??= {});
  const setOnMap = (target: Record<string, string>, v: string) => {
    const i = v.indexOf("=");
    const k = i < 0 ? v : v.slice(0, i);
    if (k !== "") target[k] = i < 0 ? "" : v.slice(i + 1);
  };
  const bool = (key: string, val: string, msg = `invalid value for ${key}: ${val}`) => {
    try {
      return parseBool(val);
    } catch {
      throw new Error(msg);
    }
  };

  for (const field of splitCsv(value)) {
    const eq = field.indexOf("=");
    if (eq < 0) {
      if (field === "readonly" || field === "ro") mount.ReadOnly = true;
      else if (field === "volume-nocopy") volumeOptions().NoCopy = true;
      else if (field === "bind-nonrecursive") bindOptions().NonRecursive = true;
      else throw new Error(`invalid field '${field}' must be a key=value pair`);
      continue;
    }
    const key = field.slice(0, eq);
    const val = field.slice(eq + 1);
    switch (key) {
      case "type":
        mount.Type = val.toLowerCase();
        break;
      case "source":
      case "src":
        mount.Source = val;
        break;
      case "target":
      case "dst":
      case "destination":
        mount.Target = val;
        break;
      case "readonly":
      case "ro":
        mount.ReadOnly = bool(key, val);
        break;
      case "consistency":
        mount.Consistency = val.toLowerCase();
        break;
      case "bind-propagation":
        bindOptions().Propagation = val.toLowerCase();
        break;
      case "bind-nonrecursive":
        bindOptions().NonRecursive = bool(key, val);
        break;
      case "volume-nocopy":
        volumeOptions().NoCopy = bool(key, val, `invalid value for volume-nocopy: ${val}`);
        break;
      case "volume-label":
        setOnMap(volumeOptions().Labels, val);
        break;
      case "volume-driver":
        volumeOptions().DriverConfig.Name = val;
        break;
      case "volume-opt":
        setOnMap((volumeOptions().DriverConfig.Options ??= {}), val);
        break;
      case "tmpfs-size":
        try {
          tmpfsOptions().SizeBytes = ramInBytes(val);
        } catch {
          throw new Error(`invalid value for ${key}: ${val}`);
        }
        break;
      case "tmpfs-mode":
        if (!/^[0-7]+$/.test(val)) throw new Error(`invalid value for ${key}: ${val}`);
        tmpfsOptions().Mode = parseUint0("0" + val, 32);
        break;
      default:
        throw new Error(`unexpected key '${key}' in '${field}'`);
    }
  }

  if (mount.Type === "") throw new Error("type is required");
  if (mount.Target === "") throw new Error("target is required");
  if (mount.VolumeOptions && mount.Type !== "volume") {
    throw new Error(`cannot mix 'volume-*' options with mount type '${mount.Type}'`);
  }
  if (mount.BindOptions && mount.Type !== "bind") {
    throw new Error(`cannot mix 'bind-*' options with mount type '${mount.Type}'`);
  }
  if (mount.TmpfsOptions && mount.Type !== "tmpfs") {
    throw new Error(`cannot mix 'tmpfs-*' options with mount type '${mount.Type}'`);
  }
  return mount;
}
