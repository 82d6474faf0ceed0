import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { oneByKey } from "../../graphql/loader-order";
import { Contribution } from "../sponsorship/sponsorship.entity";
import { Payment } from "./payment.entity";

export function paymentLoaders(db: DataSource) {
  return {
    paymentById: new DataLoader<string, Payment | null>(async (ids) =>
      oneByKey(ids, await db.getRepository(Payment).findBy({ id: In([...ids]) }), (p) => p.id),
    ),
    paymentAllocated: new DataLoader<string, number>(async (ids) => {
      const rows: { payment_id: string; total: string }[] = await db.query(
        `SELECT payment_id, sum(amount) AS total FROM allocation WHERE payment_id = ANY($1::uuid[]) GROUP BY payment_id`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.payment_id, Number(r.total)]));
      return ids.map((id) => byId.get(id) ?? 0);
    }),
    // The months a payment's money went to, whether it completed them or shared them.
    contributionsByPayment: new DataLoader<string, Contribution[]>(async (ids) => {
      const pairs: { payment_id: string; contribution_id: string }[] = await db.query(
        `SELECT a.payment_id, a.contribution_id FROM allocation a JOIN contribution c ON c.id = a.contribution_id
          WHERE a.payment_id = ANY($1::uuid[]) ORDER BY c.month, c.id`,
        [ids],
      );
      const contributions = pairs.length
        ? await db
            .getRepository(Contribution)
            .findBy({ id: In(pairs.map((p) => p.contribution_id)) })
        : [];
      const byId = new Map(contributions.map((c) => [c.id, c]));
      const byPayment = new Map<string, Contribution[]>();
      for (const p of pairs)
        byPayment.set(p.payment_id, [
          ...(byPayment.get(p.payment_id) ?? []),
          byId.get(p.contribution_id)!,
        ]);
      return ids.map((id) => byPayment.get(id) ?? []);
    }),
  };
}
