// Sending mail. With SMTP_URL set, nodemailer hands the message to that server; without it (the
// default, so a fresh clone needs no mail server) the message is written to the outbox folder
// (MAIL_OUTBOX, default data/outbox) as a real .eml file, with a small .json beside it that the
// development page /dev/outbox lists (decision 0033).
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string };

/** What the outbox keeps beside each .eml, for the development page. */
export type OutboxEntry = { id: string; to: string; from: string; subject: string; text: string; sentAt: string };

/** Where mail goes (env().mail); tests name their own in-process SMTP server. */
export type MailConfig = { from: string; smtpUrl: string | null; outboxDir: string };

export type Delivery = { via: "smtp"; messageId: string } | { via: "outbox"; file: string };

let transport: { url: string; transporter: nodemailer.Transporter } | undefined;

function smtpTransport(url: string): nodemailer.Transporter {
  // One pooled connection per server, reused by every message.
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

export async function sendMail(mail: Mail, config: MailConfig = env().mail): Promise<Delivery> {
  const { from, smtpUrl, outboxDir } = config;
  if (smtpUrl) {
    const info = await smtpTransport(smtpUrl).sendMail({ from, ...mail });
    return { via: "smtp", messageId: info.messageId };
  }
  return writeToOutbox(outboxDir, { from, ...mail });
}

/** The message as the SMTP server would get it (nodemailer builds it), kept in a folder instead. */
export async function writeToOutbox(outboxDir: string, mail: Mail & { from: string }): Promise<Delivery> {
  const built = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }).sendMail(mail);
  const sentAt = new Date();
  // Sortable by time, unique even for two messages in the same millisecond.
  const id = `${sentAt.toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}`;
  await fs.mkdir(outboxDir, { recursive: true });
  const file = path.join(outboxDir, `${id}.eml`);
  await fs.writeFile(file, built.message as Buffer);
  const entry: OutboxEntry = { id, to: mail.to, from: mail.from, subject: mail.subject, text: mail.text, sentAt: sentAt.toISOString() };
  await fs.writeFile(path.join(outboxDir, `${id}.json`), JSON.stringify(entry, null, 2));
  return { via: "outbox", file };
}

/** The outbox's messages, newest first (for /dev/outbox). An absent folder is an empty outbox. */
export async function readOutbox(outboxDir = env().mail.outboxDir, limit = 50): Promise<OutboxEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(outboxDir);
  } catch {
    return [];
  }
  const newest = names
    .filter((name) => name.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(newest.map(async (name) => JSON.parse(await fs.readFile(path.join(outboxDir, name), "utf8")) as OutboxEntry));
}
