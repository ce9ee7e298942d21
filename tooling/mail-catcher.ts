// A real SMTP server in the test process (`smtp-server`), so tests send mail the way production
// does (nodemailer to SMTP_URL) and read what arrived with `mailparser`. Used by the integration
// tests and the browser specs that follow emailed links.
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CaughtMail = { to: string; subject: string; text: string };

export type MailCatcher = {
  /** Every message accepted so far, parsed, in order of arrival. */
  inbox: CaughtMail[];
  /** `smtp://127.0.0.1:<port>`: the SMTP_URL to give the app. */
  smtpUrl: string;
  /** The messages sent to one address. */
  to(email: string): CaughtMail[];
  close(): Promise<void>;
};

/** Starts the server on a free loopback port. */
export async function startMailCatcher(): Promise<MailCatcher> {
  const inbox: CaughtMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
          inbox.push({ to: to?.text ?? "", subject: parsed.subject ?? "", text: parsed.text ?? "" });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const address = smtp.server.address();
  if (!address || typeof address === "string") throw new Error("the SMTP server has no port");
  return {
    inbox,
    smtpUrl: `smtp://127.0.0.1:${address.port}`,
    to: (email) => inbox.filter((mail) => mail.to === email),
    close: () => new Promise<void>((resolve) => smtp.close(resolve)),
  };
}
