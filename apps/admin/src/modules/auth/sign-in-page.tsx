import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState, type FormEvent } from "react";
import { storeLanguage, storedLanguage, type Language } from "../../lib/language";
import { signInEn, signInId } from "./locale";
import { SessionError, signIn, type Viewer } from "./session";

type Props = {
  onSignedIn: (viewer: Viewer) => void;
  /** Called on the first keystroke: the signed-in app starts downloading while they type. */
  onStartTyping?: () => void;
};

/**
 * The first screen a branch officer sees, often on a phone on a slow network: it is built
 * from Mantine and React only (no Apollo, router or i18next), so it shows at once.
 */
export function SignInPage({ onSignedIn, onStartTyping }: Props) {
  const [language, setLanguage] = useState<Language>(storedLanguage);
  const texts = language === "en" ? signInEn : signInId;
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [checked, setChecked] = useState(false);
  const [problem, setProblem] = useState<SessionError["problem"] | null>(null);
  const [loading, setLoading] = useState(false);

  const emailError = checked && !/^\S+@\S+$/.test(email) ? texts.emailInvalid : null;
  const passwordError = checked && !password ? texts.passwordRequired : null;

  const typed = () => onStartTyping?.();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setProblem(null);
    if (!/^\S+@\S+$/.test(email) || !password) return;
    setLoading(true);
    try {
      onSignedIn(await signIn(email, password));
    } catch (error) {
      setProblem(error instanceof SessionError ? error.problem : "server");
      setLoading(false);
    }
  };

  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" w={400} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Sertakan
            </Title>
            <Text c="dimmed" size="sm">
              {texts.intro}
            </Text>
            <TextInput
              label={texts.email}
              type="email"
              autoComplete="username"
              required
              value={email}
              error={emailError}
              onChange={(e) => {
                typed();
                setEmail(e.currentTarget.value);
              }}
            />
            <PasswordInput
              label={texts.password}
              autoComplete="current-password"
              required
              value={password}
              error={passwordError}
              onChange={(e) => {
                typed();
                setPassword(e.currentTarget.value);
              }}
            />
            {problem && (
              <Alert color="red" role="alert">
                {texts[problem]}
              </Alert>
            )}
            <Button type="submit" loading={loading}>
              {texts.submit}
            </Button>
            <SegmentedControl
              aria-label={texts.language}
              size="xs"
              value={language}
              onChange={(value) => {
                setLanguage(value as Language);
                storeLanguage(value as Language);
              }}
              data={[
                { value: "id", label: "Bahasa Indonesia" },
                { value: "en", label: "English" },
              ]}
            />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
