export interface SinkStats {
  messages: number;
  bytes: number;
  connections: number;
  peakConnections: number;
}
export function startSink(): Promise<{ port: number; stats: SinkStats; close(): Promise<void> }>;
