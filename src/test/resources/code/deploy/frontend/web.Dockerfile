# escape=`
FROM node:20-alpine AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci && `
    npm i ai @ai-sdk/openai
COPY src/ ./src/
RUN npm run build

# expect: deploy frontend
FROM gcr.io/distroless/nodejs20-debian12
WORKDIR /app
COPY --from=build /src/dist ./dist
CMD ["dist/server.js"]
