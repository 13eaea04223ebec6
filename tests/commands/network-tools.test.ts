// Reachability inside the simulation: busybox wget/ping/nc/nslookup, curl, links, published
// ports and `mockdocker lab curl`, through whole docker command lines.
import { describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../src/sandbox.js";

const PROGRESS = `-                    100% |${"*".repeat(31)}|`;

async function ok(sb: Sandbox, command: string) {
  const r = await sb.run(command);
  expect(r.exitCode, `${command}: ${r.stderr}`).toBe(0);
  return r;
}

async function withWeb(extra = "") {
  const sb = createSandbox();
  await ok(sb, `run -d -q --name web ${extra} nginx`);
  await ok(sb, "pull -q busybox");
  return sb;
}

function container(sb: Sandbox, name: string) {
  return Object.values(sb.state()!.containers).find((c) => c.name === `/${name}`);
}

describe("the agent-container lesson: --link and busybox wget", () => {
  it("fetches nginx's welcome page through the link alias", async () => {
    const sb = await withWeb();
    const r = await sb.run("run --rm --link web:web busybox wget -O - http://web:80");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("<title>Welcome to nginx!</title>");
    expect(r.stderr).toMatch(new RegExp(`^Connecting to web:80 \\(172\\.17\\.0\\.2:80\\)\nwriting to stdout\n${PROGRESS.replace(/[|*]/g, "\\$&")} +\\d+   0:00:00 ETA\nwritten to stdout\n$`));
    // nginx logged the request, from the client's bridge address.
    const logs = await sb.run("logs web");
    expect(logs.stdout).toMatch(/^172\.17\.0\.3 - - \[01\/Jun\/2025:10:00:00 \+0000\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "Wget" "-"$/m);
  });

  it("names the target by URL host: no port, -q, a file saved in the container", async () => {
    const sb = await withWeb();
    const r = await sb.run(["run", "--rm", "--link", "web", "busybox", "sh", "-c", "wget http://web/ && cat index.html | head -1 && wget http://web/"]);
    expect(r.stderr).toMatch(/^Connecting to web \(172\.17\.0\.2:80\)\nsaving to 'index\.html'\nindex\.html +100% /);
    expect(r.stderr).toContain("'index.html' saved\n");
    expect(r.stdout).toBe("<!DOCTYPE html>\n");
    // busybox refuses to overwrite a file it chose the name of.
    expect(r.stderr).toMatch(/wget: can't open 'index\.html': File exists\n$/);
    expect(r.exitCode).toBe(1);
    const quiet = await sb.run("run --rm --link web busybox wget -qO- web/nope");
    expect(quiet).toEqual({ stdout: "", stderr: "wget: server returned error: HTTP/1.1 404 Not Found\n", exitCode: 1 });
  });

  it("-S shows the response headers, --spider fetches nothing", async () => {
    const sb = await withWeb();
    const r = await sb.run("run --rm --link web busybox wget -S --spider http://web/");
    expect(r.stderr).toMatch(/^Connecting to web \(172\.17\.0\.2:80\)\n  HTTP\/1\.1 200 OK\n  Server: nginx\/[\d.]+\n/);
    expect(r.stderr).toMatch(/remote file exists\n$/);
    expect(r.stdout).toBe("");
  });

  it("link variables and hosts entries, as docker exec env shows them", async () => {
    const sb = await withWeb();
    await ok(sb, "run -d --name agent --link web:insideweb busybox sleep 3600");
    const env = (await ok(sb, "exec agent env")).stdout.split("\n");
    expect(env).toEqual(
      expect.arrayContaining([
        "INSIDEWEB_PORT=tcp://172.17.0.2:80",
        "INSIDEWEB_PORT_80_TCP=tcp://172.17.0.2:80",
        "INSIDEWEB_PORT_80_TCP_ADDR=172.17.0.2",
        "INSIDEWEB_PORT_80_TCP_PORT=80",
        "INSIDEWEB_PORT_80_TCP_PROTO=tcp",
        "INSIDEWEB_NAME=/agent/insideweb",
      ]),
    );
    expect(env.some((l) => l.startsWith("INSIDEWEB_ENV_NGINX_VERSION="))).toBe(true);
    const hosts = (await ok(sb, "exec agent cat /etc/hosts")).stdout;
    const webId = container(sb, "web")!.id.slice(0, 12);
    const agentId = container(sb, "agent")!.id.slice(0, 12);
    expect(hosts).toContain(`172.17.0.2\tinsideweb ${webId} web\n`);
    expect(hosts.endsWith(`172.17.0.3\t${agentId}\n`)).toBe(true);
  });

  it("fails as wget fails: unknown name, stopped target, nothing listening", async () => {
    const sb = await withWeb();
    expect(await sb.run("run --rm busybox wget -O - http://nope/")).toEqual({ stdout: "", stderr: "wget: bad address 'nope'\n", exitCode: 1 });
    // No DNS on the default bridge: without a link, the name means nothing.
    expect((await sb.run("run --rm busybox wget -q -O - http://web/")).stderr).toBe("wget: bad address 'web'\n");
    await ok(sb, "run -d --name quiet busybox sleep 3600");
    expect(await sb.run("run --rm busybox wget -O - http://172.17.0.3:80/")).toEqual({
      stdout: "",
      stderr: "Connecting to 172.17.0.3:80 (172.17.0.3:80)\nwget: can't connect to remote host (172.17.0.3): Connection refused\n",
      exitCode: 1,
    });
    await ok(sb, "stop web");
    const linked = await sb.run("run --rm --link web:web busybox wget -O - http://web:80");
    expect(linked.exitCode).toBe(125);
    expect(linked.stderr).toMatch(/^docker: Error response from daemon: Cannot link to a non running container: \/web AS \/[a-z_]+\/web\n/);
    // An address on the bridge that nobody holds: ARP gets no answer.
    const gone = await sb.run("run --rm busybox wget -q -O - http://172.17.0.250/");
    expect(gone).toEqual({ stdout: "", stderr: "wget: can't connect to remote host (172.17.0.250): No route to host\n", exitCode: 1 });
    expect((await sb.run("run -q --rm alpine wget -q -O - http://172.17.0.250/")).stderr).toBe("wget: can't connect to remote host (172.17.0.250): Host is unreachable\n");
  });

  it("a missing link target and a target off the default bridge fail the run", async () => {
    const sb = createSandbox();
    const r = await sb.run("run -q --rm --link nope:web busybox true");
    expect(r.exitCode).toBe(125);
    expect(r.stderr).toBe("docker: Error response from daemon: could not get container for nope: No such container: nope\n\nRun 'docker run --help' for more information\n");
    await ok(sb, "network create isolated");
    await ok(sb, "run -d -q --name db --network isolated redis");
    const off = await sb.run("run -q --link db busybox true");
    expect(off.exitCode).toBe(125);
    expect(off.stderr).toContain("Error response from daemon: Cannot link to /db, as it does not belong to the default network\n");
  });

  it("images without the tool say it is not there", async () => {
    const sb = await withWeb();
    const r = await sb.run("run --rm nginx ping -c 1 web");
    expect(r).toEqual({ stdout: "", stderr: "/docker-entrypoint.sh: 47: exec: ping: not found\n", exitCode: 127 });
    const sh = await sb.run(["run", "--rm", "debian", "sh", "-c", "wget http://web; nc -z web 80"]);
    expect(sh.stderr.endsWith("sh: 1: wget: not found\nsh: 1: nc: not found\n")).toBe(true);
    expect(sh.exitCode).toBe(127);
  });
});

describe("DNS: user-defined networks vs the default bridge", () => {
  async function onNetwork() {
    const sb = createSandbox();
    await ok(sb, "network create mynet");
    await ok(sb, "run -d -q --name web --network mynet --network-alias site nginx");
    await ok(sb, "pull -q busybox");
    return sb;
  }

  it("resolves names and aliases through 127.0.0.11", async () => {
    const sb = await onNetwork();
    const r = await ok(sb, "run --rm --network mynet busybox wget -q -O - http://site/");
    expect(r.stdout).toContain("Welcome to nginx!");
    expect((await ok(sb, "run --rm --network mynet busybox nslookup web")).stdout).toBe(
      "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.18.0.2\n\nNon-authoritative answer:\n*** Can't find web: No answer\n\n",
    );
    expect((await ok(sb, "run --rm --network mynet busybox nslookup nope")).stdout).toBe(
      "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n** server can't find nope: NXDOMAIN\n\n** server can't find nope: NXDOMAIN\n\n",
    );
    expect((await ok(sb, "run --rm --network mynet busybox nslookup 172.18.0.2")).stdout).toBe(
      "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\n2.0.18.172.in-addr.arpa\tname = web.mynet\n\n",
    );
    const ping = await ok(sb, "run --rm --network mynet busybox ping -c 2 web");
    expect(ping.stdout).toMatch(
      /^PING web \(172\.18\.0\.2\): 56 data bytes\n64 bytes from 172\.18\.0\.2: seq=0 ttl=64 time=0\.\d{3} ms\n64 bytes from 172\.18\.0\.2: seq=1 ttl=64 time=0\.\d{3} ms\n\n--- web ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min\/avg\/max = 0\.\d{3}\/0\.\d{3}\/0\.\d{3} ms\n$/,
    );
  });

  it("public names come from the upstream resolver; only ICMP gets out", async () => {
    const sb = await onNetwork();
    const ping = await ok(sb, "run --rm busybox ping -c 1 google.com");
    expect(ping.stdout).toMatch(/^PING google\.com \(142\.250\.185\.78\): 56 data bytes\n64 bytes from 142\.250\.185\.78: seq=0 ttl=117 time=1\d\.\d{3} ms\n/);
    expect((await ok(sb, "run --rm --network mynet busybox nslookup github.com")).stdout).toBe(
      "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tgithub.com\nAddress: 140.82.121.3\n\nNon-authoritative answer:\n*** Can't find github.com: No answer\n\n",
    );
    // A server outside the host knows no container names.
    expect((await ok(sb, "run --rm --network mynet busybox nslookup web 8.8.8.8")).stdout).toContain("** server can't find web: NXDOMAIN\n");
    expect((await sb.run("run --rm busybox wget -q -O - http://example.com/")).stderr).toBe("wget: can't connect to remote host (23.192.228.80): Connection timed out\n");
    await ok(sb, "network create --internal priv");
    expect((await sb.run("run --rm --network priv busybox ping -c 1 google.com")).stderr).toBe("ping: bad address 'google.com'\n");
  });

  it("the default bridge has no embedded DNS", async () => {
    const sb = await onNetwork();
    expect(await sb.run("run --rm busybox ping -c 1 web")).toEqual({ stdout: "", stderr: "ping: bad address 'web'\n", exitCode: 1 });
    expect((await ok(sb, "run --rm busybox nslookup web")).stdout).toBe(
      "Server:\t\t192.168.65.7\nAddress:\t192.168.65.7:53\n\n** server can't find web: NXDOMAIN\n\n** server can't find web: NXDOMAIN\n\n",
    );
    const r = await sb.run("run --rm busybox nslookup web 127.0.0.11");
    expect(r).toEqual({ stdout: ";; connection timed out; no servers could be reached\n\n", stderr: "", exitCode: 1 });
  });

  it("another network's address is out of reach: the connection times out", async () => {
    const sb = await onNetwork();
    const r = await sb.run("run --rm busybox wget -O - http://172.18.0.2/");
    expect(r.stderr).toBe("Connecting to 172.18.0.2 (172.18.0.2:80)\nwget: can't connect to remote host (172.18.0.2): Connection timed out\n");
    const t = await sb.run("run --rm busybox wget -T 5 -q -O - http://172.18.0.2/");
    expect(t).toEqual({ stdout: "", stderr: "wget: download timed out\n", exitCode: 1 });
    const p = await sb.run("run --rm busybox ping -c 2 -W 1 172.18.0.2");
    expect(p.stdout).toBe("PING 172.18.0.2 (172.18.0.2): 56 data bytes\n\n--- 172.18.0.2 ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n");
    expect(p.exitCode).toBe(1);
    const none = await sb.run("run --rm --network none busybox ping -c 1 8.8.8.8");
    expect(none).toEqual({ stdout: "PING 8.8.8.8 (8.8.8.8): 56 data bytes\n", stderr: "ping: sendto: Network is unreachable\n", exitCode: 1 });
  });
});

describe("nc", () => {
  it("redis answers PING with +PONG, and keeps what was SET", async () => {
    const sb = createSandbox();
    await ok(sb, "run -d -q --name db redis");
    await ok(sb, "pull -q busybox");
    expect(await sb.run("run -i --rm --link db busybox nc db 6379", { stdin: "PING\r\n" })).toEqual({ stdout: "+PONG\r\n", stderr: "", exitCode: 0 });
    const set = await sb.run("run -i --rm --link db busybox nc db 6379", { stdin: "SET greeting hello\r\nGET greeting\r\n" });
    expect(set.stdout).toBe("+OK\r\n$5\r\nhello\r\n");
    expect((await ok(sb, "exec db redis-cli get greeting")).stdout).toBe("hello\n");
  });

  it("-z probes, -v reports", async () => {
    const sb = createSandbox();
    await ok(sb, "run -d -q --name db redis");
    expect(await sb.run("run -q --rm --link db busybox nc -zv db 6379")).toEqual({ stdout: "", stderr: "db (172.17.0.2:6379) open\n", exitCode: 0 });
    expect(await sb.run("run -q --rm --link db busybox nc -z db 6380")).toEqual({ stdout: "", stderr: "", exitCode: 1 });
    expect((await sb.run("run -q --rm --link db busybox nc -zvv db 6380")).stderr).toBe("nc: db (172.17.0.2:6380): Connection refused\n");
    expect((await sb.run("run -q --rm busybox nc nope 80")).stderr).toBe("nc: bad address 'nope'\n");
  });

  it("speaks HTTP to nginx when told to", async () => {
    const sb = await withWeb();
    const r = await sb.run("run -i --rm --link web busybox nc web 80", { stdin: "GET / HTTP/1.0\r\n\r\n" });
    expect(r.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/[\d.]+\r\n/);
    expect(r.stdout).toContain("\r\nConnection: close\r\n");
    expect(r.stdout).toContain("Welcome to nginx!");
  });
});

describe("curl in the images that ship it", () => {
  it("nginx's curl reaches a neighbour by name, and fails with curl's codes", async () => {
    const sb = createSandbox();
    await ok(sb, "network create mynet");
    await ok(sb, "run -d -q --name web --network mynet nginx");
    expect((await ok(sb, "run --rm --network mynet nginx curl -s web")).stdout).toContain("Welcome to nginx!");
    expect(await sb.run("run --rm --network mynet nginx curl -s web:81")).toEqual({ stdout: "", stderr: "", exitCode: 7 });
    expect(await sb.run("run --rm --network mynet nginx curl -sS web:81")).toEqual({
      stdout: "",
      stderr: "curl: (7) Failed to connect to web port 81 after 0 ms: Couldn't connect to server\n",
      exitCode: 7,
    });
    expect((await sb.run("run --rm nginx curl -sS web")).stderr).toBe("curl: (6) Could not resolve host: web\n");
    expect((await ok(sb, "exec web curl -sI localhost")).stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });
});

describe("published ports", () => {
  it("a second container on a taken port fails and stays Created; start says so again", async () => {
    const sb = createSandbox();
    await ok(sb, "run -d -q --name web -p 8080:80 nginx");
    const r = await sb.run("run -d --name web2 -p 8080:80 nginx");
    expect(r.exitCode).toBe(125);
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(r.stderr).toMatch(
      /^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n\nRun 'docker run --help' for more information\n$/,
    );
    expect(container(sb, "web2")!.state.status).toBe("created");
    const start = await sb.run("start web2");
    expect(start.exitCode).toBe(1);
    expect(start.stderr).toMatch(/Bind for 0\.0\.0\.0:8080 failed: port is already allocated\nError: failed to start containers: web2\n$/);
    // A stopped container gives its ports back.
    await ok(sb, "stop web");
    await ok(sb, "start web2");
    expect((await ok(sb, "port web2")).stdout).toBe("80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n");
    expect((await sb.run("start web")).stderr).toContain("Bind for 0.0.0.0:8080 failed: port is already allocated");
  });

  it("a specific address and the wildcard collide; another protocol does not", async () => {
    const sb = createSandbox();
    await ok(sb, "run -d -q -p 127.0.0.1:8080:80 nginx");
    expect((await sb.run("run -d -q -p 8080:80 nginx")).stderr).toContain("Bind for 0.0.0.0:8080 failed");
    await ok(sb, "run -d -q -p 8080:80/udp nginx");
  });

  it("-P gives each exposed port an ephemeral host port from 32768", async () => {
    const sb = createSandbox();
    await ok(sb, "run -d -q --name one -P nginx");
    await ok(sb, "run -d -q --name two -P --expose 9000 nginx");
    expect((await ok(sb, "port one")).stdout).toBe("80/tcp -> 0.0.0.0:32768\n80/tcp -> [::]:32768\n");
    expect((await ok(sb, "port two")).stdout).toBe("80/tcp -> 0.0.0.0:32769\n80/tcp -> [::]:32769\n9000/tcp -> 0.0.0.0:32770\n9000/tcp -> [::]:32770\n");
    expect((await ok(sb, "port two 9000")).stdout).toBe("0.0.0.0:32770\n[::]:32770\n");
    const ps = await ok(sb, "ps --format {{.Names}}:{{.Ports}}");
    expect(ps.stdout).toBe(
      "two:0.0.0.0:32769->80/tcp, [::]:32769->80/tcp, 0.0.0.0:32770->9000/tcp, [::]:32770->9000/tcp\none:0.0.0.0:32768->80/tcp, [::]:32768->80/tcp\n",
    );
  });

  it("-p in its other forms: container port only, an address without host port, ranges, udp", async () => {
    const sb = createSandbox();
    await ok(sb, "run -d -q --name pp -p 80 -p 127.0.0.1::443 -p 8000-8001:5000-5001 -p 53:53/udp nginx");
    expect((await ok(sb, "port pp")).stdout).toBe(
      [
        "53/udp -> 0.0.0.0:53", "53/udp -> [::]:53", "80/tcp -> 0.0.0.0:32768", "80/tcp -> [::]:32768", "443/tcp -> 127.0.0.1:32769",
        "5000/tcp -> 0.0.0.0:8000", "5000/tcp -> [::]:8000", "5001/tcp -> 0.0.0.0:8001", "5001/tcp -> [::]:8001", "",
      ].join("\n"),
    );
  });
});

describe("mockdocker lab curl", () => {
  it("reaches a published nginx from the host's side", async () => {
    const sb = createSandbox();
    await ok(sb, "run -d -q --name web -p 8080:80 nginx");
    const r = await ok(sb, "lab curl http://localhost:8080/");
    expect(r.stdout).toContain("<h1>Welcome to nginx!</h1>");
    expect(r.stderr).toBe("");
    const head = await ok(sb, "lab curl -i localhost:8080/nope");
    expect(head.stdout).toMatch(/^HTTP\/1\.1 404 Not Found\r\nServer: nginx\/[\d.]+\r\nDate: Sun, 01 Jun 2025 10:00:00 GMT\r\n/);
    expect(head.stdout).toContain("\r\n\r\n<html>\r\n<head><title>404 Not Found</title></head>");
    // The request shows in nginx's log, from the bridge's gateway.
    expect((await ok(sb, "logs web")).stdout).toContain('172.17.0.1 - - [01/Jun/2025:10:00:00 +0000] "GET / HTTP/1.1" 200');
  });

  it("fails with curl's texts and exit codes", async () => {
    const sb = createSandbox();
    await ok(sb, "run -d -q --name web -p 8080:80 nginx");
    expect(await sb.run("lab curl http://localhost:8081/")).toEqual({
      stdout: "",
      stderr: "curl: (7) Failed to connect to localhost port 8081 after 0 ms: Couldn't connect to server\n",
      exitCode: 7,
    });
    expect(await sb.run("lab curl -s http://localhost:8081/")).toEqual({ stdout: "", stderr: "", exitCode: 7 });
    expect(await sb.run("lab curl http://web:8080/")).toEqual({ stdout: "", stderr: "curl: (6) Could not resolve host: web\n", exitCode: 6 });
    await ok(sb, "stop web");
    expect((await sb.run("lab curl localhost:8080")).exitCode).toBe(7);
    await ok(sb, "run -d -q --name idle -p 9000:9000 busybox sleep 3600");
    expect(await sb.run("lab curl localhost:9000")).toEqual({ stdout: "", stderr: "curl: (56) Recv failure: Connection reset by peer\n", exitCode: 56 });
    await ok(sb, "run -d -q --name db -p 6379:6379 redis");
    expect(await sb.run("lab curl localhost:6379")).toEqual({ stdout: "", stderr: "curl: (1) Received HTTP/0.9 when not allowed\n", exitCode: 1 });
    expect((await ok(sb, "logs db")).stdout).toContain("# Possible SECURITY ATTACK detected.");
  });

  it("reaches a local registry's API", async () => {
    const sb = createSandbox();
    await ok(sb, "run -d -q -p 5000:5000 --name registry registry:2");
    expect((await ok(sb, "lab curl http://localhost:5000/v2/_catalog")).stdout).toBe('{"repositories":[]}\n');
    expect((await ok(sb, "logs registry")).stdout).toContain('172.17.0.1 - - [01/Jun/2025:10:00:00 +0000] "GET /v2/_catalog HTTP/1.1" 200 20 "" "curl/8.14.1"\n');
  });
});

describe("more clients and servers", () => {
  it("redis-cli -h talks to the other container's server", async () => {
    const sb = createSandbox();
    await ok(sb, "network create mynet");
    await ok(sb, "run -d -q --name db --network mynet redis");
    expect((await ok(sb, "run --rm --network mynet redis redis-cli -h db set k v")).stdout).toBe("OK\n");
    expect((await ok(sb, "exec db redis-cli get k")).stdout).toBe("v\n");
    expect((await ok(sb, "run --rm --network mynet redis redis-cli -h db get k")).stdout).toBe("v\n");
    const off = await sb.run("run --rm redis redis-cli -h db ping");
    expect(off).toEqual({ stdout: "Could not connect to Redis at db:6379: Name or service not known\n", stderr: "", exitCode: 1 });
  });

  it("busybox wget follows nginx's redirect to a directory; GNU wget logs its own way", async () => {
    const sb = await withWeb();
    await ok(sb, "exec web sh -c 'mkdir /usr/share/nginx/html/docs && echo hello > /usr/share/nginx/html/docs/index.html'");
    const r = await sb.run("run --rm --link web busybox wget -O - http://web/docs");
    expect(r.stdout).toBe("hello\n");
    expect(r.stderr.match(/^Connecting to web \(172\.17\.0\.2:80\)$/gm)).toHaveLength(2);
    const gnu = await sb.run("run -q --rm --link web node wget -O - http://web/docs/");
    expect(gnu.stdout).toBe("hello\n");
    expect(gnu.stderr).toMatch(
      /^--2025-06-01 10:00:\d\d--  http:\/\/web\/docs\/\nResolving web \(web\)\.\.\. 172\.17\.0\.2\nConnecting to web \(web\)\|172\.17\.0\.2\|:80\.\.\. connected\.\nHTTP request sent, awaiting response\.\.\. 200 OK\nLength: 6 \[text\/html\]\nSaving to: 'STDOUT'\n/,
    );
    expect(await sb.run("run --rm --link web node wget -q http://web/nope")).toEqual({ stdout: "", stderr: "", exitCode: 8 });
  });

  it("python's http.server answers and logs the request on stderr", async () => {
    const sb = createSandbox();
    await ok(sb, "run -d -q --name py -e PYTHONUNBUFFERED=1 python python3 -m http.server 8000");
    const r = await ok(sb, "run -q --rm busybox wget -q -O - http://172.17.0.2:8000/");
    expect(r.stdout).toContain("<title>Directory listing for /</title>");
    expect((await ok(sb, "logs py")).stderr).toBe('172.17.0.3 - - [01/Jun/2025 10:00:00] "GET / HTTP/1.1" 200 -\n');
  });

  it("a listening nc prints what a caller sends, then ends (unless -k)", async () => {
    const sb = createSandbox();
    await ok(sb, "run -d -q --name srv busybox nc -l -p 8080");
    await ok(sb, "run -d -q --name keeper busybox nc -lk -p 9090");
    expect(await sb.run("run -i --rm --link srv busybox nc srv 8080", { stdin: "hello over the wire\n" })).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect((await ok(sb, "logs srv")).stdout).toBe("hello over the wire\n");
    await ok(sb, "run --rm --link keeper busybox nc -z keeper 9090");
    expect((await ok(sb, "ps -a --format {{.Names}}:{{.Status}}")).stdout).toMatch(/^keeper:Up .*\nsrv:Exited \(0\) /);
  });

  it("nc -l waits for a caller; ping without -c runs until stopped", async () => {
    const sb = createSandbox();
    await ok(sb, "run -d -q --name listener busybox nc -l -p 8080");
    await ok(sb, "run -d -q --name pinger busybox ping 8.8.8.8");
    expect((await ok(sb, "ps --format {{.Names}}")).stdout).toBe("pinger\nlistener\n");
    const logs = (await ok(sb, "logs pinger")).stdout;
    expect(logs).toMatch(/^PING 8\.8\.8\.8 \(8\.8\.8\.8\): 56 data bytes\n64 bytes from 8\.8\.8\.8: seq=0 ttl=117 time=1\d\.\d{3} ms\n/);
  });
});

describe("ephemeral port allocation", () => {
  it("goes on from the last port handed out, and never takes a port the container asked for", async () => {
    const sb = createSandbox();
    await ok(sb, "run -d -q --name one -P nginx");
    await ok(sb, "rm -f one");
    await ok(sb, "run -d -q --name two -P nginx");
    expect((await ok(sb, "port two 80")).stdout).toBe("0.0.0.0:32769\n[::]:32769\n");
    await ok(sb, "run -d -q --name three -p 80 -p 32770:443 nginx");
    expect((await ok(sb, "port three")).stdout).toBe("80/tcp -> 0.0.0.0:32771\n80/tcp -> [::]:32771\n443/tcp -> 0.0.0.0:32770\n443/tcp -> [::]:32770\n");
  });
});
