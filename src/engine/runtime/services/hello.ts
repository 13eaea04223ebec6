// hello-world's /hello and dockerinaction/hello_world.
import type { Program } from "../types.js";
import { getenv, lines } from "./util.js";

function archOf(env: string[]): string {
  return getenv({ env }, "HELLO_ARCH") ?? "amd64";
}

export const hello: Program = {
  run(ctx) {
    const text = lines(
      "",
      "Hello from Docker!",
      "This message shows that your installation appears to be working correctly.",
      "",
      "Here is what just happened, step by step:",
      " 1. The docker command sent your request to the Docker daemon.",
      ' 2. The daemon fetched the "hello-world" image from Docker Hub.',
      `    (${archOf(ctx.env)})`,
      " 3. The daemon made a new container from that image and started the small",
      "    program inside it, which printed the text you are reading now.",
      " 4. The daemon passed that output back to the docker command, which showed",
      "    it in your terminal.",
      "",
      "For a bigger step, start an interactive Ubuntu container:",
      " $ docker run -it ubuntu bash",
      "",
      "Keep and share your own images with a free Docker account:",
      " https://hub.docker.com/",
      "",
      "More examples and guides live at:",
      " https://docs.docker.com/get-started/",
      "",
    );
    return { output: [{ at: 0, stream: "stdout", text }], exit: { code: 0, at: 1 } };
  },
};

export const dockerinactionHello: Program = {
  run() {
    return { output: [{ at: 0, stream: "stdout", text: "hello world\n" }], exit: { code: 0, at: 1 } };
  },
};
