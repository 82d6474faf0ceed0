import { Role } from "./enums";
import { ForbiddenError } from "./errors";
import {
  assertCanWriteIn,
  canGrantScope,
  canSeeRegion,
  canWrite,
  masksPersonalData,
  signInDelayMs,
} from "./access";

const admin = { role: Role.ADMIN, regionScope: null };
const klatenOfficer = { role: Role.OFFICER, regionScope: "33.10" };
const prambananViewer = { role: Role.VIEWER, regionScope: "33.10.01" };

describe("access", () => {
  it.each([
    [admin, "34.04.01.2001", true],
    [klatenOfficer, "33.10.01.2001", true],
    [klatenOfficer, "33.10", true],
    [klatenOfficer, "33.09.01.2001", false], // Boyolali
    [klatenOfficer, "33", false], // the province is wider than the scope
    [prambananViewer, "33.10.01.2003", true],
    [prambananViewer, "33.10.02.2001", false],
  ])("%o sees %s: %s", (access, code, expected) => {
    expect(canSeeRegion(access, code)).toBe(expected);
  });

  it("lets admins and officers write, viewers only read, with personal data masked for viewers", () => {
    expect([admin, klatenOfficer, prambananViewer].map(canWrite)).toEqual([true, true, false]);
    expect([admin, klatenOfficer, prambananViewer].map(masksPersonalData)).toEqual([
      false,
      false,
      true,
    ]);
  });

  it("forbids writes outside the scope and any write by a viewer, saying why", () => {
    expect(() => assertCanWriteIn(klatenOfficer, "33.10.05.2001", "worker")).not.toThrow();
    expect(() => assertCanWriteIn(klatenOfficer, "33.11.01.2001", "worker")).toThrow(
      /33\.11\.01\.2001, outside your scope 33\.10/,
    );
    expect(() => assertCanWriteIn(prambananViewer, "33.10.01.2001", "worker")).toThrow(
      ForbiddenError,
    );
  });

  it("grants only scopes inside one's own", () => {
    expect(canGrantScope(admin, null)).toBe(true);
    expect(canGrantScope(klatenOfficer, "33.10.01")).toBe(true);
    expect(canGrantScope(klatenOfficer, null)).toBe(false);
    expect(canGrantScope(klatenOfficer, "33.11")).toBe(false);
  });

  it("slows sign-in after three failures, doubling to two seconds", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 9].map(signInDelayMs)).toEqual([
      0, 0, 0, 250, 500, 1000, 2000, 2000,
    ]);
  });
});
