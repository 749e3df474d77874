import psycopg
from pgvector.psycopg import register_vector

conn = psycopg.connect("dbname=rag")
# expect: vector-store pgvector-python
register_vector(conn)
