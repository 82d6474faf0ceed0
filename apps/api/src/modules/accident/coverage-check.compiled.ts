import { Role, maskNikSql } from "@sertakan/schema";
import type { Catalog, TypeSpec } from "../../compiled-reads/catalog";
import { NotCompiled } from "../../compiled-reads/selection";
import { yearMonth } from "../../compiled-reads/sql";
import { workerScope } from "../worker/worker.compiled";

// The PLKK counter's check as a compiled read (compiled-reads/): the worker by the NIK's
// unique index and the day's month through contribution_paid_idx, in one statement.
// AccidentService.coverageCheck is the general path; answers are the same (accident.test.ts
// and coverage-check.test.ts compare them). Unknown and out-of-scope NIKs answer alike.

/** The answer's one row: the NIK and day asked, the worker in scope and the paid month, if any. */
export const CoverageCheckType: TypeSpec = {
  table: "(SELECT NULL::bpchar AS nik)",
  key: "nik",
  fields: {
    // Masked whoever asks: the answer is shown at a counter.
    nik: { leaf: (t) => maskNikSql(`${t}.nik`) },
    date: { leaf: (t) => `${t}.day` },
    covered: { leaf: (t) => `${t}.contribution_id IS NOT NULL` },
    coveredThrough: { leaf: (t) => yearMonth(`${t}.covered_through`) },
    worker: {
      one: "Worker",
      nullable: true,
      join: (p, c) => `LEFT JOIN worker ${c} ON ${c}.id = ${p}.worker_id`,
    },
    coveredBy: {
      one: "Contribution",
      nullable: true,
      join: (p, c) => `LEFT JOIN contribution ${c} ON ${c}.id = ${p}.contribution_id`,
    },
  },
};

export const coverageCheckRoots: Catalog["roots"] = {
  coverageCheck: {
    row: "CoverageCheck",
    from: (c, ctx, args) => {
      if (ctx.access.role !== Role.ADMIN && ctx.access.role !== Role.OFFICER)
        throw new NotCompiled("coverageCheck is for officers and admins");
      const nik = (args.nik as string).trim();
      if (!/^\d{16}$/.test(nik)) throw new NotCompiled("NIK is not 16 digits");
      const date = args.date as string;
      // nik is char(16): compared as bpchar, so worker_nik_key serves it (as text it would not).
      const nikParam = ctx.params.add(nik, "bpchar");
      const scope = workerScope("w", ctx);
      const month = ctx.params.add(`${date.slice(0, 7)}-01`, "date");
      return `(SELECT ${nikParam} AS nik, ${ctx.params.add(date, "text")} AS day, w.id AS worker_id,
                  w.covered_through, co.id AS contribution_id
             FROM (SELECT 1) one
             LEFT JOIN worker w ON w.nik = ${nikParam} ${scope.map((s) => `AND ${s}`).join(" ")}
             LEFT JOIN contribution co ON co.worker_id = w.id AND co.month = ${month} AND co.status = 'PAID') ${c}`;
    },
  },
};
