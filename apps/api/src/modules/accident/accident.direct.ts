import type { DirectField } from "../../graphql/direct-answers";
import type { AccidentService } from "./accident.service";
import { compileCoverageCheck } from "./coverage-check.compiled";

/**
 * The accident fields answered whole at the HTTP edge (graphql/direct-answers.ts): the PLKK
 * counter's coverage check, asked at every counter all day. It checks the caller's role
 * itself; a VIEWER, like any error, is left to the general path to refuse.
 */
export function accidentDirectFields(accidents: AccidentService): Record<string, DirectField> {
  return {
    coverageCheck: (field, fragments, masked) => {
      const plan = compileCoverageCheck(field, fragments, masked);
      if (!plan) return null;
      return (viewer, args) =>
        accidents.compiledCoverageCheckJson(viewer, plan, args.nik as string, args.date as string);
    },
  };
}
