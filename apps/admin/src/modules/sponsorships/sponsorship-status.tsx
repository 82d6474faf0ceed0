import { Badge, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SponsorshipStatus as SponsorshipStatusType } from "../../gql/graphql";

/** The status badge, with the reason underneath once a sponsorship was cancelled. */
export function SponsorshipStatus(props: {
  status: SponsorshipStatusType;
  cancelReason?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start">
      <Badge variant="light" color={props.status === "CANCELLED" ? "gray" : undefined}>
        {t(`sponsorshipStatus.${props.status}`)}
      </Badge>
      {props.cancelReason && (
        <Text size="xs" c="dimmed">
          {props.cancelReason}
        </Text>
      )}
    </Stack>
  );
}
