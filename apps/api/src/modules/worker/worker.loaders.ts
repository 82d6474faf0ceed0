import DataLoader from "dataloader";
import { In } from "typeorm";
import type { Access } from "@sertakan/schema";
import { oneByKey } from "../../graphql/loader-order";
import { Worker } from "./worker.entity";
import { WorkerService } from "./worker.service";

type FirstPageKey = { partnerId: string; first: number };

export function workerLoaders(workers: WorkerService, access: Access) {
  return {
    workerById: new DataLoader<string, Worker | null>(async (ids) =>
      oneByKey(ids, await workers.repository().findBy({ id: In([...ids]) }), (w) => w.id),
    ),
    // Keys with the same page size are answered by one statement for all their partners.
    recruitedWorkersFirstPage: new DataLoader<
      FirstPageKey,
      { rows: Worker[]; total: number },
      string
    >(
      async (keys) => {
        const bySize = new Map<number, string[]>();
        for (const k of keys) bySize.set(k.first, [...(bySize.get(k.first) ?? []), k.partnerId]);
        const answers = new Map<string, { rows: Worker[]; total: number }>();
        for (const [first, partnerIds] of bySize) {
          const pages = await workers.recruitedFirstPages(access, partnerIds, first);
          for (const id of partnerIds)
            answers.set(`${first}:${id}`, pages.get(id) ?? { rows: [], total: 0 });
        }
        return keys.map((k) => answers.get(`${k.first}:${k.partnerId}`)!);
      },
      { cacheKeyFn: (k) => `${k.first}:${k.partnerId}` },
    ),
  };
}
