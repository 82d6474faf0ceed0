import { Gender, Occupation, buildNik } from "@sertakan/schema";
import type { TestServer } from "./test-server";

/** Registers `count` workers in one village with valid NIKs; returns their ids in order. */
// Only `gql` is used, so an API process (api-process.ts) serves as well as a test server.
type Caller = Pick<TestServer, "gql">;

export async function registerWorkers(
  t: Caller,
  count: number,
  { village = "33.10.01.2001", serialFrom = 1, namePrefix = "Pekerja" } = {},
): Promise<string[]> {
  const district = village.slice(0, 8);
  const rows = Array.from({ length: count }, (_, i) => {
    const birthDate = `19${70 + (i % 30)}-0${(i % 9) + 1}-1${i % 10}`;
    const gender = i % 2 ? Gender.MALE : Gender.FEMALE;
    return {
      nik: buildNik({ districtCode: district, birthDate, gender, serial: serialFrom + i }),
      fullName: `${namePrefix} ${String(i + 1).padStart(4, "0")}`,
      gender,
      birthDate,
      occupation: Occupation.FARMER,
      villageCode: village,
    };
  });
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 5000) {
    const res = await t.gql(
      `mutation($rows: [RegisterWorkerInput!]!) { importWorkers(rows: $rows) { created errors { row message } workers { id nik } } }`,
      {
        rows: rows.slice(i, i + 5000),
      },
    );
    const result = res.data?.importWorkers;
    if (!result || result.errors.length)
      throw new Error(`fixture import failed: ${JSON.stringify(res.errors ?? result.errors)}`);
    const byNik = new Map<string, string>(
      result.workers.map((w: { id: string; nik: string }) => [w.nik, w.id]),
    );
    ids.push(...rows.slice(i, i + 5000).map((r) => byNik.get(r.nik)!));
  }
  return ids;
}

export async function createDonor(t: Caller, name: string, kind = "INDIVIDUAL"): Promise<string> {
  const res = await t.gql(`mutation($input: DonorInput!) { createDonor(input: $input) { id } }`, {
    input: { kind, name, regionCode: "33.10" },
  });
  if (!res.data) throw new Error(`fixture donor failed: ${JSON.stringify(res.errors)}`);
  return res.data.createDonor.id;
}
