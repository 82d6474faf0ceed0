import { useApolloClient, useMutation } from "@apollo/client/react";
import {
  AppShell,
  Burger,
  Button,
  Group,
  Loader,
  NavLink,
  Stack,
  Text,
  Title,
  useMantineTheme,
} from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { NavLink as RouterNavLink, Outlet } from "react-router";
import { LOGOUT } from "../auth/graphql/logout.mutation";
import { useCanWrite, useIsAdmin, useViewer } from "../auth/viewer";
import { LanguageSwitch } from "./language-switch";

type NavItem = { to: string; label: string; end?: boolean };

export function AppLayout() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const isAdmin = useIsAdmin();
  const canWrite = useCanWrite();
  const [opened, { toggle, close }] = useDisclosure();
  // A phone's header holds the menu, the name and "Keluar"; the rest moves into the drawer.
  const { breakpoints } = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${breakpoints.sm})`, undefined, {
    getInitialValueInEffect: false,
  });
  const viewerLine = `${viewer.name} · ${t(`role.${viewer.role}`)}${
    viewer.regionScope ? ` · ${viewer.regionScope.name}` : ""
  }`;
  const client = useApolloClient();
  const [logout, { loading: signingOut }] = useMutation(LOGOUT);

  const items: NavItem[] = [
    { to: "/", label: t("nav.dashboard"), end: true },
    { to: "/workers", label: t("nav.workers") },
    { to: "/donors", label: t("nav.donors") },
    { to: "/partners", label: t("nav.partners") },
    { to: "/targets", label: t("nav.targets") },
    { to: "/accidents", label: t("nav.accidents") },
    { to: "/agent-fees", label: t("nav.agentFees") },
    { to: "/reminders", label: t("reminders.nav") },
  ];
  // The counter check answers ADMIN and OFFICER only (a PLKK desk is an officer's job).
  if (canWrite) items.splice(1, 0, { to: "/counter", label: t("nav.counter") });
  if (canWrite) items.splice(4, 0, { to: "/payments/import", label: t("bankImport.nav") });
  if (canWrite) items.push({ to: "/sponsorships/ending", label: t("renewals.nav") });
  // Users, API keys and the audit log are national-admin business (see DESIGN.md, Access).
  if (isAdmin) {
    items.push(
      { to: "/audit", label: t("nav.audit") },
      { to: "/users", label: t("nav.users") },
      { to: "/api-keys", label: t("nav.apiKeys") },
    );
  }

  const signOut = async () => {
    await logout();
    // Forget every cached record of this user, then start afresh: a reload also drops
    // queries still in flight, which a store reset would abort mid-air.
    await client.clearStore();
    window.location.assign("/");
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t("layout.skip")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("layout.menu")}
              aria-expanded={opened}
              aria-controls="navigation"
            />
            <Title order={2} size="h4">
              Sertakan
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {wide && <LanguageSwitch />}
            <Text size="sm" visibleFrom="md">
              {viewerLine}
            </Text>
            <Button variant="default" size="xs" onClick={signOut} loading={signingOut}>
              {t("layout.signOut")}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="xs"
        aria-label={t("layout.navigation")}
        component="nav"
        id="navigation"
        // A phone's closed drawer is only moved off screen: keep its links out of Tab and readers.
        inert={!wide && !opened}
      >
        <Stack gap={2}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={RouterNavLink}
              to={item.to}
              end={item.end}
              label={item.label}
              onClick={close}
            />
          ))}
        </Stack>
        {!wide && (
          <Stack gap="xs" mt="md" px="xs">
            <Text size="sm">{viewerLine}</Text>
            <LanguageSwitch />
          </Stack>
        )}
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Suspense fallback={<Loader aria-label={t("common.loading")} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
