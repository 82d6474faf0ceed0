import type { DirectField } from "../../graphql/direct-answers";
import { connectionJson } from "../../graphql/pagination";
import { compileWorker, compileWorkerPage } from "./worker-page.compiler";
import type { WorkerFilter, WorkerOrder } from "./worker.inputs";
import type { WorkerService } from "./worker.service";

/**
 * The worker fields answered whole at the HTTP edge (graphql/direct-answers.ts): the list
 * page and the NIK lookup, the two calls regional programs make all day. Both are open to
 * every signed-in caller (as the resolver's @Authorized()) and the service applies the
 * caller's scope and masking.
 */
export function workerDirectFields(workers: WorkerService): Record<string, DirectField> {
  return {
    workers: (field, fragments, masked) => {
      const plan = compileWorkerPage(field, fragments, masked, "response");
      if (!plan) return null;
      return async (viewer, args) => {
        const page = await workers.compiled.pageJson(
          viewer,
          plan,
          args.filter as WorkerFilter | undefined,
          args.orderBy as WorkerOrder | undefined,
          args.first as number | undefined,
          args.after as string | undefined,
        );
        // An order the statement does not take: the general path answers.
        if (!page) throw new Error("not compiled for this order");
        return connectionJson("Worker", plan.connection, page);
      };
    },
    workerByNik: (field, fragments, masked) => {
      const plan = compileWorker(field, fragments, masked, "response");
      if (!plan) return null;
      return async (viewer, args) =>
        (await workers.compiled.byNikJson(viewer, plan, args.nik as string)) ?? "null";
    },
  };
}
