import { TEST_ADMIN, TestServer, startTestServer } from "../../test/test-server";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const LOG = `query($e: String, $id: ID) { auditLog(entity: $e, entityId: $id) { totalCount nodes { actor action entity entityId changes at } } }`;

describe("audit trail", () => {
  it("records who registered a worker, with the NIK masked and the phone only as changed", async () => {
    const res =
      await t.gql(`mutation { registerWorker(input: { nik: "3310014507900001", fullName: "Siti Rahayu", gender: FEMALE,
      birthDate: "1990-07-05", occupation: FARMER, phone: "081234567890", villageCode: "33.10.01.2001" }) { id } }`);
    const id = res.data!.registerWorker.id;
    const log = await t.gql(LOG, { e: "worker", id });
    expect(log.data?.auditLog.totalCount).toBe(1);
    const [entry] = log.data!.auditLog.nodes;
    expect(entry).toMatchObject({
      actor: TEST_ADMIN.email,
      action: "registerWorker",
      entity: "worker",
      entityId: id,
    });
    expect(entry.changes).toMatchObject({
      nik: "3310********0001",
      fullName: "Siti Rahayu",
      phone: "(changed)",
      birthDate: "(changed)",
      villageCode: "33.10.01.2001",
    });
    expect(JSON.stringify(entry)).not.toContain("081234567890");
  });

  it("records an update with exactly the fields that changed, newest first", async () => {
    const { data } = await t.gql(`{ workerByNik(nik: "3310014507900001") { id } }`);
    const id = data!.workerByNik.id;
    await t.gql(
      `mutation($id: ID!) { updateWorker(id: $id, input: { occupation: TRADER }) { id } }`,
      { id },
    );
    const log = await t.gql(LOG, { e: "worker", id });
    expect(log.data?.auditLog.nodes.map((n: { action: string }) => n.action)).toEqual([
      "updateWorker",
      "registerWorker",
    ]);
    expect(log.data?.auditLog.nodes[0].changes).toEqual({ occupation: "TRADER" });
  });

  it("writes nothing when the mutation fails", async () => {
    const before = (await t.gql(LOG, {})).data!.auditLog.totalCount;
    const res = await t.gql(
      `mutation { createDonor(input: { kind: INDIVIDUAL, name: "Budi", regionCode: "99.99" }) { id } }`,
    );
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect((await t.gql(LOG, {})).data!.auditLog.totalCount).toBe(before);
  });

  it("covers money, pledges, sign-ins and keys", async () => {
    const donor = (
      await t.gql(
        `mutation { createDonor(input: { kind: COMPANY, name: "PT Uji", regionCode: "33.10" }) { id } }`,
      )
    ).data!.createDonor.id;
    await t.gql(
      `mutation($d: ID!) { recordPayment(input: { donorId: $d, amount: 50000, reference: "BCA-1", paidAt: "2024-05-21T09:00:00+07:00" }) { id } }`,
      { d: donor },
    );
    await t.gql(
      `mutation { createApiKey(name: "Program Kabupaten", role: VIEWER, regionScope: "33.10") { secret } }`,
    );
    const actions = (await t.gql(`{ auditLog(first: 200) { nodes { action changes } } }`)).data!
      .auditLog.nodes;
    const names = actions.map((a: { action: string }) => a.action);
    expect(names).toEqual(
      expect.arrayContaining([
        "login",
        "createDonor",
        "recordPayment",
        "createApiKey",
        "createUser",
      ]),
    );
    const payment = actions.find((a: { action: string }) => a.action === "recordPayment");
    expect(payment.changes).toMatchObject({ amount: 50_000, reference: "BCA-1", monthsPaid: 0 });
    expect(JSON.stringify(actions)).not.toMatch(/stk_|sts_|argon2/);
  });
});
