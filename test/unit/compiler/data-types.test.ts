import { dataTypesIn, groupOfDataType } from '../../../src/compiler/data-types';

it.each([
  [
    'this information includes internet protocol ip addresses as well as browser type internet service provider urls of referring exit pages operating system date time stamp',
    ['IP address', 'browser type', 'internet service provider', 'referring and exit pages', 'operating system', 'date and time'],
  ],
  [
    'by authorizing us you authorize us to access store your name email address es current city profile picture url',
    ['name', 'email address', 'profile picture', 'location'],
  ],
  [
    'atlassian our third party partners also use javascript e tags flash cookies html local storage',
    ['cookies', 'local storage', 'flash cookies', 'e-tags'],
  ],
  ['we collect your username and password', ['username', 'password']],
])('names the data types of "%s"', (text, expected) => {
  expect(dataTypesIn(text)).toEqual(expected);
});

it.each([
  'we use cookies to allow you to use websites without re entering your username password to count visits',
  'to allow you to access and use the services without re-entering your username or password; to understand usage',
])('does not count data a sentence says is not needed: "%s"', (text) => {
  expect(dataTypesIn(text)).not.toEqual(expect.arrayContaining(['username']));
  expect(dataTypesIn(text)).not.toEqual(expect.arrayContaining(['password']));
});

it('files each data type under a collected group', () => {
  expect([groupOfDataType('IP address'), groupOfDataType('email address'), groupOfDataType('web beacons')]).toEqual([
    'web-logs',
    'account-and-profile',
    'cookies-and-tracking',
  ]);
});
