import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Loader, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { isoDateOf, PLKK_KINDS } from "@sertakan/schema";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import type { PartnerKind } from "../../gql/graphql";
import { describeError, fieldErrorsOf } from "../../lib/errors";
import { formatYearMonth } from "../../lib/format";
import { refreshAfterWrite } from "../../lib/refresh";
import { PLKK_PARTNERS } from "./graphql/plkk-partners.query";
import { REPORT_ACCIDENT } from "./graphql/report-accident.mutation";
import { WORKER_BRIEF } from "./graphql/worker-brief.query";
import { ReportAccidentForm, type ReportAccidentSubmit } from "./report-accident-form";

// Klaten has 16 PLKK; a page of 200 holds every active one of a regency or province.
const PLKK_PAGE = 200;

/** `/accidents/new?worker=<id>&date=YYYY-MM-DD`: opened from the counter or a worker page. */
export function ReportAccidentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const workerId = params.get("worker");
  const today = isoDateOf(new Date());
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get("date") ?? "") ? params.get("date")! : today;

  const worker = useQuery(WORKER_BRIEF, {
    variables: { id: workerId ?? "" },
    skip: !workerId,
  });
  const plkk = useQuery(PLKK_PARTNERS, {
    variables: {
      first: PLKK_PAGE,
      filter: { kind: PLKK_KINDS as PartnerKind[], active: true },
    },
  });
  // Lists, the dashboard's accidents card and the worker's page all show reports.
  const [report, { loading: saving }] = useMutation(
    REPORT_ACCIDENT,
    refreshAfterWrite(["accidentReports", "accidentReport", "accidentSummary", "worker"]),
  );

  if ((worker.loading && !worker.data) || (plkk.loading && !plkk.data))
    return <Loader aria-label={t("common.loading")} />;
  const loadError = worker.error ?? plkk.error;
  if (loadError) return <Alert color="red">{describeError(loadError, t)}</Alert>;
  const w = worker.data?.worker;
  if (workerId && !w) return <Alert color="yellow">{t("errors.NOT_FOUND")}</Alert>;
  const options = (plkk.data?.partners.nodes ?? []).map((p) => ({
    value: p.id,
    label: `${p.name} (${p.region.name})`,
  }));

  const submit = async (v: ReportAccidentSubmit) => {
    try {
      const { data } = await report({
        variables: {
          input: {
            ...(w ? { workerId: w.id } : { nik: v.nik }),
            partnerId: v.partnerId,
            occurredAt: v.occurredAt,
            place: v.place,
            cause: v.cause,
            description: v.description,
            reporterName: v.reporterName,
            reporterPhone: v.reporterPhone,
          },
        },
      });
      const saved = data!.reportAccident;
      notifications.show({
        color: saved.status === "ACCEPTED" ? "teal" : "red",
        message:
          saved.status === "ACCEPTED"
            ? t("accidents.form.savedAccepted", { month: formatYearMonth(saved.coveredBy?.month) })
            : t("accidents.form.savedNotCovered"),
      });
      navigate(`/accidents/${saved.id}`);
    } catch (e) {
      const fieldErrors = fieldErrorsOf(e, t);
      return Object.keys(fieldErrors).length ? { fieldErrors } : { error: describeError(e, t) };
    }
  };

  return (
    <Stack>
      <Title order={1}>{t("accidents.form.title")}</Title>
      {options.length === 0 && <Alert color="yellow">{t("accidents.form.noPlkk")}</Alert>}
      <ReportAccidentForm
        worker={w ? { fullName: w.fullName, nik: w.nik, village: w.village.name } : null}
        plkk={options}
        initialDate={date}
        today={today}
        onSubmit={submit}
        submitting={saving}
      />
    </Stack>
  );
}
