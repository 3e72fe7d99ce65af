import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { isQuotaError } from '../errors';
import type { RefusedWrite } from './storage-full';

/** The prompt a write to the jobs table carried, if any. */
function carried(table: string, req: DBCoreMutateRequest): RefusedWrite {
  if (table !== 'jobs' || (req.type !== 'put' && req.type !== 'add')) return {};
  const job = req.values.at(-1) as { id?: unknown; text?: unknown; status?: unknown } | undefined;
  return {
    jobId: typeof job?.id === 'string' ? job.id : undefined,
    text: typeof job?.text === 'string' ? job.text : undefined,
    final: job?.status === 'done',
  };
}

/**
 * Every write of this connection, watched for a full disk in one place: the request's own
 * error, or the transaction's abort at commit (where IndexedDB usually reports the quota).
 * Errors still reach the caller as before; `onFull` only makes sure nothing is lost silently.
 */
export function quotaGuard(onFull: (write: RefusedWrite) => void): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'quota-guard',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(req) {
            const idbTrans = req.trans as unknown as Partial<IDBTransaction>;
            idbTrans.addEventListener?.('abort', () => {
              if (isQuotaError(idbTrans.error)) onFull(carried(name, req));
            });
            return table.mutate(req).catch((error: unknown) => {
              if (isQuotaError(error)) onFull(carried(name, req));
              throw error;
            });
          },
        };
      },
    }),
  };
}
