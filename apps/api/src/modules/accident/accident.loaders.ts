import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { manyByKey, oneByKey } from "../../graphql/loader-order";
import { Contribution } from "../sponsorship/sponsorship.entity";
import { AccidentReport } from "./accident.entity";
import { AccidentService } from "./accident.service";

export function accidentLoaders(db: DataSource, accidents: AccidentService) {
  return {
    accidentReportsByWorker: new DataLoader<string, AccidentReport[]>(async (workerIds) =>
      manyByKey(workerIds, await accidents.byWorkers(workerIds), (a) => a.workerId),
    ),
    // The month that covered an accident (AccidentReport.coveredBy).
    contributionById: new DataLoader<string, Contribution | null>(async (ids) =>
      oneByKey(ids, await db.getRepository(Contribution).findBy({ id: In([...ids]) }), (c) => c.id),
    ),
  };
}
