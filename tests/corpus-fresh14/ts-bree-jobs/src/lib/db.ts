import mysql from "mysql2/promise";

let pool: mysql.Pool | undefined;

export function getPool(): mysql.Pool {
  if (!pool) {
    const url = process.env.MYSQL_URL;
    if (!url) throw new Error("MYSQL_URL must be set");
    pool = mysql.createPool({ uri: url, connectionLimit: 4, ssl: { minVersion: "TLSv1.2" } });
  }
  return pool;
}

export async function closePool(): Promise<void> {
  if (pool) {
    await pool.end();
    pool = undefined;
  }
}
