import { useMutation } from "@apollo/client/react";
import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "../../lib/errors";
import { LanguageSwitch } from "../layout/language-switch";
import { LOGIN } from "./graphql/login.mutation";
import { ME } from "./graphql/me.query";

export function SignInPage() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [login, { loading }] = useMutation(LOGIN, {
    // The cookie is set now: refetching `me` switches the app to its signed-in shell.
    refetchQueries: [{ query: ME }],
    awaitRefetchQueries: true,
  });
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v) ? null : t("signIn.emailInvalid")),
      password: (v) => (v ? null : t("signIn.passwordRequired")),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await login({ variables: values });
    } catch (e) {
      setError(describeError(e, t));
    }
  });

  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" w={400} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Sertakan
            </Title>
            <Text c="dimmed" size="sm">
              {t("signIn.intro")}
            </Text>
            <TextInput
              label={t("signIn.email")}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps("email")}
            />
            <PasswordInput
              label={t("signIn.password")}
              autoComplete="current-password"
              required
              {...form.getInputProps("password")}
            />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={loading}>
              {t("signIn.submit")}
            </Button>
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
