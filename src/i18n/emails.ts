/** System email texts, in every language a person may read them in. */
export type EmailTemplate = 'password_reset' | 'account_invite';
export type Locale = 'ru' | 'en';

type Render = (vars: { name: string; link: string }) => { subject: string; text: string };

export const emailTemplates: Record<EmailTemplate, Record<Locale, Render>> = {
  password_reset: {
    en: ({ name, link }) => ({
      subject: 'Reset your Voxpop password',
      text: `Hello ${name},\n\nSomeone asked to reset the password of your Voxpop account. To choose a new password, open this link within an hour:\n\n${link}\n\nIf it was not you, ignore this email: your password stays as it is.\n`,
    }),
    ru: ({ name, link }) => ({
      subject: 'Сброс пароля Voxpop',
      text: `Здравствуйте, ${name}!\n\nКто-то запросил сброс пароля вашей учётной записи Voxpop. Чтобы задать новый пароль, откройте ссылку в течение часа:\n\n${link}\n\nЕсли это были не вы, просто проигнорируйте письмо: пароль останется прежним.\n`,
    }),
  },
  account_invite: {
    en: ({ name, link }) => ({
      subject: 'Your Voxpop account',
      text: `Hello ${name},\n\nAn account has been created for you in Voxpop. To choose your password, open this link within 7 days:\n\n${link}\n`,
    }),
    ru: ({ name, link }) => ({
      subject: 'Ваша учётная запись Voxpop',
      text: `Здравствуйте, ${name}!\n\nДля вас создана учётная запись в Voxpop. Чтобы задать пароль, откройте ссылку в течение 7 дней:\n\n${link}\n`,
    }),
  },
};
