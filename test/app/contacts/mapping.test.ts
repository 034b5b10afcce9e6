import { describe, expect, it } from 'vitest';
import { ColumnMapping, mapColumns, suggestMapping } from '../../../src/app/contacts/import/index.ts';

describe('suggestMapping', () => {
  it('recognises the headers of a Russian CRM export', () => {
    const headers = ['Код клиента', 'ФИО', 'Моб. телефон', 'Телефон', 'E-mail', 'Регион', 'Часовой пояс', 'Тип услуги', 'Отдел', 'Оператор', 'Филиал', 'Согласие на SMS', 'Комментарий'];
    expect(suggestMapping(headers)).toEqual({
      columns: {
        'Код клиента': 'externalId',
        ФИО: 'fullName',
        'Моб. телефон': 'phone', // mobile preferred over the landline column
        'E-mail': 'email',
        Регион: 'region',
        'Часовой пояс': 'timezone',
        'Тип услуги': 'attributes.service_type',
        Отдел: 'attributes.department',
        Оператор: 'attributes.employee',
        Филиал: 'attributes.branch',
        'Согласие на SMS': 'consentSms',
      },
      required: [],
    });
  });

  it('recognises English headers and split names', () => {
    expect(suggestMapping(['ID', 'First name', 'Last_Name', 'Phone', 'Email', 'Service', 'Employee']).columns).toEqual({
      ID: 'externalId',
      'First name': 'firstName',
      Last_Name: 'lastName',
      Phone: 'phone',
      Email: 'email',
      Service: 'attributes.service_type',
      Employee: 'attributes.employee',
    });
    expect(suggestMapping(['Фамилия', 'Имя', 'Отчество', 'Почта', 'Услуга', 'Сотрудник']).columns).toEqual({
      Фамилия: 'lastName',
      Имя: 'firstName',
      Отчество: 'middleName',
      Почта: 'email',
      Услуга: 'attributes.service_type',
      Сотрудник: 'attributes.employee',
    });
  });

  it('guesses from a telling word when no name matches exactly, and never uses a target twice', () => {
    expect(suggestMapping(['Телефон клиента', 'Телефон для связи', 'Адрес e-mail', 'Дата звонка']).columns).toEqual({
      'Телефон клиента': 'phone',
      'Адрес e-mail': 'email',
    });
  });

  it('is safe with header names that are object keys in JavaScript', () => {
    expect(suggestMapping(['constructor', '__proto__', 'phone']).columns).toEqual({ phone: 'phone' });
  });
});

describe('mapColumns', () => {
  const headers = ['Телефон', 'Имя', 'Услуга'];

  it('turns a row\'s cells into contact input', () => {
    const mapped = mapColumns(headers, { columns: { Телефон: 'phone', Имя: 'firstName', Услуга: 'attributes.service_type' } });
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    expect(mapped.toInput({ Телефон: '8 999', Имя: 'Иван', Услуга: 'Вклад' })).toEqual({ phone: '8 999', firstName: 'Иван', attributes: { service_type: 'Вклад' } });
  });

  it('refuses a mapping that does not fit the file, saying why', () => {
    const mapped = mapColumns(headers, {
      columns: { Имя: 'firstName', Услуга: 'firstName', Почта: 'email' },
      required: ['attributes.branch'],
    });
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    expect(mapped.problems.map((p) => p.code)).toEqual(['target_mapped_twice', 'column_not_found', 'required_not_mapped', 'no_identifier_mapped']);
  });

  it('validates a mapping sent by a client', () => {
    expect(ColumnMapping.safeParse({ columns: { Телефон: 'phone', Отдел: 'attributes.department' } }).success).toBe(true);
    expect(ColumnMapping.safeParse({ columns: { Телефон: 'telephone' } }).success).toBe(false);
    expect(ColumnMapping.safeParse({ columns: { Отдел: 'attributes.Отдел' } }).success).toBe(false);
  });
});
