export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __HF_EMBEDDED_PG__?: { stop(): Promise<void> } }).__HF_EMBEDDED_PG__;
  if (server) await server.stop();
}
