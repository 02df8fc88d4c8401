export interface Session {
  userId: string;
  accountId: string;
  roles: string[];
}
