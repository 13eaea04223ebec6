// Base images: hello-world, busybox, alpine, debian, ubuntu, and the bases other images use.
import { EMPTY_LAYER, defineImage, layer } from "./define.js";
import { bin, dir } from "./tree.js";
import type { ImageDef, LayerDef } from "./types.js";
import { alpineRoot, busyboxRoot, debianRoot, oracleLinuxRoot, ubuntuRoot } from "./userland.js";

const classicCmd = (cmd: string) => `/bin/sh -c #(nop)  CMD ${cmd}`;
const classicAdd = (hex: string) => `/bin/sh -c #(nop) ADD file:${hex} in / `;

export const baseLayers: LayerDef[] = [
  // The empty layer buildkit emits for steps that change nothing (WORKDIR on an existing dir).
  layer(EMPTY_LAYER, 0, () => ({}), 32),
  layer("hello-world", 10_072, () => ({ "/hello": bin("hello", 10_072) }), 3_195),
  layer("busybox-1.37", 4_277_910, () => busyboxRoot(1_129_256), 2_152_262),
  layer("busybox-1.36", 4_261_550, () => busyboxRoot(1_125_120), 2_148_033),
  layer("busybox-2015", 2_433_303, () => busyboxRoot(1_004_488), 676_320),
  layer("alpine-3.21", 7_834_020, () => alpineRoot("3.21.3", 808_712), 3_642_092),
  layer("alpine-3.20", 7_797_760, () => alpineRoot("3.20.6", 800_488), 3_626_898),
  layer("alpine-3.18", 7_342_000, () => alpineRoot("3.18.4", 788_216), 3_401_967),
  layer("debian-bookworm", 116_562_000, () => debianRoot("12.11", false), 48_494_272),
  layer("debian-bookworm-slim", 74_780_000, () => debianRoot("12.11", true), 28_227_259),
  layer("ubuntu-noble", 78_128_000, () => ubuntuRoot("24.04.2", "noble", "Noble Numbat"), 29_723_147),
  layer("ubuntu-jammy", 77_861_000, () => ubuntuRoot("22.04.5", "jammy", "Jammy Jellyfish"), 29_536_461),
  layer("oraclelinux-9-slim", 113_970_000, () => ({ ...oracleLinuxRoot(), "/var/lib/rpm": dir() }), 46_877_204),
];

export const helloWorld = defineImage({
  key: "hello-world",
  created: "2025-01-21T23:32:32Z",
  config: { Cmd: ["/hello"], WorkingDir: "/" },
  steps: [{ by: "COPY hello / # buildkit", layer: "hello-world" }, { by: 'CMD ["/hello"]' }],
});

const busybox = (key: string, version: string, created: string, layerKey: string) =>
  defineImage({
    key,
    created,
    config: { Cmd: ["sh"] },
    steps: [{ by: `BusyBox ${version} (glibc), Debian 12`, layer: layerKey, comment: "" }],
  });
export const busybox137 = busybox("busybox-1.37", "1.37.0", "2024-09-26T21:31:42Z", "busybox-1.37");
export const busybox136 = busybox("busybox-1.36", "1.36.1", "2024-09-26T21:31:24Z", "busybox-1.36");
/** The busybox the 2015 book images were built on (classic builder). */
export const busybox2015 = defineImage({
  key: "busybox-2015",
  created: "2015-03-20T21:44:32Z",
  config: { Cmd: ["/bin/sh"] },
  steps: [
    { by: classicAdd("42df97b6e6195232fa7a75c7b156ed0f8e853bbf33b73417437a481fb9939d6a"), layer: "busybox-2015", comment: "" },
    { by: classicCmd('["/bin/sh"]'), comment: "" },
  ],
});

const alpine = (version: string, created: string, layerKey: string) =>
  defineImage({
    key: `alpine-${version}`,
    created,
    config: { Cmd: ["/bin/sh"], WorkingDir: "/" },
    steps: [{ by: `ADD alpine-minirootfs-${version}-x86_64.tar.gz / # buildkit`, layer: layerKey }, { by: 'CMD ["/bin/sh"]' }],
  });
export const alpine321 = alpine("3.21.3", "2025-02-14T03:28:36Z", "alpine-3.21");
export const alpine320 = alpine("3.20.6", "2025-02-14T03:28:19Z", "alpine-3.20");
export const alpine318 = defineImage({
  key: "alpine-3.18.4",
  created: "2023-09-28T21:19:27Z",
  config: { Cmd: ["/bin/sh"] },
  steps: [
    { by: classicAdd("d018d98feeeb917541fbc4f3ad145b701616a4e283a0459640179f274d699c1e"), layer: "alpine-3.18", comment: "" },
    { by: classicCmd('["/bin/sh"]'), comment: "" },
  ],
});

const debian = (key: string, layerKey: string) =>
  defineImage({
    key,
    created: "2025-05-12T00:00:00Z",
    config: { Cmd: ["bash"] },
    steps: [{ by: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1747008000'", layer: layerKey, comment: "debuerreotype 0.15" }],
  });
export const debianBookworm = debian("debian-bookworm", "debian-bookworm");
export const debianBookwormSlim = debian("debian-bookworm-slim", "debian-bookworm-slim");

const ubuntu = (key: string, version: string, created: string, layerKey: string, addHex: string) =>
  defineImage({
    key,
    created,
    config: { Cmd: ["/bin/bash"], Labels: { "org.opencontainers.image.ref.name": "ubuntu", "org.opencontainers.image.version": version } },
    steps: [
      { by: "/bin/sh -c #(nop)  ARG RELEASE", comment: "" },
      { by: "/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH", comment: "" },
      { by: "/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu", comment: "" },
      { by: `/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=${version}`, comment: "" },
      { by: classicAdd(addHex), layer: layerKey, comment: "" },
      { by: classicCmd('["/bin/bash"]'), comment: "" },
    ],
  });
export const ubuntuNoble = ubuntu("ubuntu-24.04", "24.04", "2025-04-08T10:18:37Z", "ubuntu-noble", "153655b1274d806300ea21960465d122d1d1316511365f854e2828d5dee182f8");
export const ubuntuJammy = ubuntu("ubuntu-22.04", "22.04", "2025-04-15T13:51:21Z", "ubuntu-jammy", "29f68b7112ae6e105f75ae65f045e6474848775ab94e53eaa62291897c17be59");

export const oracleLinux9Slim = defineImage({
  key: "oraclelinux-9-slim",
  created: "2025-04-23T21:22:49Z",
  config: { Cmd: ["/bin/bash"] },
  steps: [
    { by: classicAdd("6ffde51690f38090753eb7e5b54ab255b0a6684d016f90b29b900101c0ec78f9"), layer: "oraclelinux-9-slim", comment: "" },
    { by: classicCmd('["/bin/bash"]'), comment: "" },
  ],
});

export const baseImages: ImageDef[] = [
  helloWorld, busybox137, busybox136, alpine321, alpine320, debianBookworm, debianBookwormSlim, ubuntuNoble, ubuntuJammy,
];
