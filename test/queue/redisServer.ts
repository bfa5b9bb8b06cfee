/** A throw-away redis-server on a free loopback port, for tests (Debian's redis-server package). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const redisServerInstalled = (): boolean => spawnSync('redis-server', ['--version']).status === 0;

const freePort = (): Promise<number> => new Promise((resolve, reject) => {
  const srv = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = srv.address() as net.AddressInfo;
    srv.close(() => resolve(port));
  }).on('error', reject);
});

const answers = (port: number): Promise<boolean> => new Promise(resolve => {
  const socket = net.connect(port, '127.0.0.1');
  socket.once('connect', () => { socket.end('PING\r\n'); });
  socket.once('data', d => { resolve(d.toString().startsWith('+PONG')); socket.destroy(); });
  socket.once('error', () => resolve(false));
});

export interface RedisServer { url: string; port: number; stop(): Promise<void>; restart(): Promise<void> }

/** Start redis-server with an append-only file in `dir` (so a restart keeps what was written). */
export async function startRedis(dir: string): Promise<RedisServer> {
  await fs.mkdir(dir, { recursive: true });
  const port = await freePort();
  let child: ChildProcess;
  const launch = async (): Promise<void> => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--daemonize', 'no'], { stdio: 'ignore' });
    for (let i = 0; !(await answers(port)); i++) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode} (log in ${path.join(dir)})`);
      await new Promise(r => setTimeout(r, 50));
    }
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise(r => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  await launch();
  return { url: `redis://127.0.0.1:${port}`, port, stop, restart: async () => { await stop(); await launch(); } };
}
