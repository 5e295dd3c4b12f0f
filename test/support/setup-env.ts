import 'reflect-metadata';

// Tests run with cheap password hashing; the production cost is covered by config tests.
process.env.NODE_ENV = 'test';
process.env.PASSWORD_HASH_COST ??= '10';
process.env.LOG_LEVEL ??= 'silent';
