/** Fetch a queued URL's PDF, with a time limit and a size limit. */

export class DownloadError extends Error {
  /** A 4xx answer will not change by asking again; network trouble and 5xx may. */
  constructor(message: string, readonly permanent: boolean) { super(message); }
}

export async function download(url: string, timeoutMs: number, maxBytes: number): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (err) {
    throw new DownloadError(`cannot download ${url}: ${(err as Error).message}`, false);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new DownloadError(`cannot download ${url}: HTTP ${res.status} ${res.statusText}`, res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429);
  }
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new DownloadError(`${url} is ${declared} bytes, over the limit of ${maxBytes}`, true);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body ?? []) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new DownloadError(`${url} is over the limit of ${maxBytes} bytes`, true);
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof DownloadError) throw err;
    throw new DownloadError(`cannot download ${url}: ${(err as Error).message}`, false);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
