/** Installation-wide values such as the session-signing secret. */
export interface SettingTable {
  key: string;
  value: string;
}

export interface SettingsTables {
  setting: SettingTable;
}
